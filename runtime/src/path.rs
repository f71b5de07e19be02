//! Path templates and the percent-encoding of path parameters.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::Error;

/// Everything but RFC 3986 "unreserved" characters is encoded, so that `/`, `?`, `#`, `%`,
/// spaces and non-ASCII text can never change which resource a request addresses.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A resource path such as `/v1/Rooms/<room>/Participants/<sid>`, split at its placeholders.
///
/// `literals` always has one more element than `params`: the rendered path is
/// `literals[0] + arg[0] + literals[1] + ... + literals[n]`. The derive builds these at
/// compile time; hand-written resources can use [`PathTemplate::new`] in a `const`.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::PathTemplate;
///
/// const PARTICIPANT: PathTemplate = PathTemplate::new(
///     &["/v1/Rooms/", "/Participants/", ""],
///     &["room", "sid"],
/// );
/// assert_eq!(PARTICIPANT.render(&["DailyStandup", "a/b"]).unwrap(),
///            "/v1/Rooms/DailyStandup/Participants/a%2Fb");
/// assert_eq!(PARTICIPANT.to_string(), "/v1/Rooms/<room>/Participants/<sid>");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathTemplate {
    literals: &'static [&'static str],
    params: &'static [&'static str],
}

impl PathTemplate {
    /// Creates a template from its literal pieces and the placeholder names between them.
    ///
    /// Panics at compile time (when used in a `const`) unless
    /// `literals.len() == params.len() + 1`.
    pub const fn new(literals: &'static [&'static str], params: &'static [&'static str]) -> Self {
        assert!(
            literals.len() == params.len() + 1,
            "a path template needs one more literal piece than placeholders"
        );
        PathTemplate { literals, params }
    }

    /// The literal pieces around the placeholders: one more than there are placeholders.
    ///
    /// ```
    /// # extern crate sidekick_runtime as sidekick;
    /// let path = sidekick::PathTemplate::new(&["/v1/Rooms/", "/Participants/", ""], &["room", "sid"]);
    /// assert_eq!(path.literals(), ["/v1/Rooms/", "/Participants/", ""]);
    /// ```
    pub fn literals(&self) -> &'static [&'static str] {
        self.literals
    }

    /// The placeholder names, in order.
    pub fn params(&self) -> &'static [&'static str] {
        self.params
    }

    /// Renders the path with each argument percent-encoded as exactly one segment.
    ///
    /// Fails with [`Error::InvalidInput`] before anything could be sent when the number of
    /// arguments is wrong, or an argument is empty, `.` or `..` (URL normalisation would
    /// otherwise turn the request into one for a different resource).
    pub fn render(&self, args: &[&str]) -> Result<String, Error> {
        let mut out = String::new();
        self.render_into(&mut out, args)?;
        Ok(out)
    }

    /// [`render`](Self::render), appended to `out` (the base URL, in a request).
    pub(crate) fn render_into(&self, out: &mut String, args: &[&str]) -> Result<(), Error> {
        if args.len() != self.params.len() {
            return Err(Error::invalid_input(format!(
                "path {self} takes {} argument(s), {} given",
                self.params.len(),
                args.len()
            )));
        }
        out.reserve(
            self.literals.iter().map(|l| l.len()).sum::<usize>()
                + args.iter().map(|a| a.len() * 3).sum::<usize>(),
        );
        out.push_str(self.literals[0]);
        for ((name, arg), literal) in self.params.iter().zip(args).zip(&self.literals[1..]) {
            check_segment(name, arg)?;
            out.extend(utf8_percent_encode(arg, SEGMENT));
            out.push_str(literal);
        }
        Ok(())
    }
}

fn check_segment(name: &str, arg: &str) -> Result<(), Error> {
    match arg {
        "" => Err(Error::invalid_input(format!("path parameter `{name}` is empty"))),
        "." | ".." => Err(Error::invalid_input(format!(
            "path parameter `{name}` is `{arg}`, which URLs treat as a relative path step \
             and cannot address a resource"
        ))),
        _ => Ok(()),
    }
}

impl std::fmt::Display for PathTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.literals[0])?;
        for (name, literal) in self.params.iter().zip(&self.literals[1..]) {
            write!(f, "<{name}>{literal}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: PathTemplate = PathTemplate::new(&["/v1/Rooms/", "/Participants/", ""], &["room", "sid"]);
    const SINGLETON: PathTemplate = PathTemplate::new(&["/v1/Rooms/", "/RecordingRules"], &["room"]);

    #[test]
    fn every_awkward_identity_stays_one_segment() {
        let cases = [
            ("a/b", "a%2Fb"),
            ("a?b", "a%3Fb"),
            ("a#b", "a%23b"),
            ("bob smith", "bob%20smith"),
            ("é", "%C3%A9"),
            ("50%", "50%25"),
            ("user.123", "user.123"),
            ("a+b", "a%2Bb"),
            ("...", "..."),
            ("a~b_c-d", "a~b_c-d"),
        ];
        for (input, encoded) in cases {
            let path = TWO.render(&["DailyStandup", input]).unwrap();
            assert_eq!(path, format!("/v1/Rooms/DailyStandup/Participants/{encoded}"), "{input}");
        }
    }

    #[test]
    fn empty_and_dot_segments_are_refused() {
        for bad in ["", ".", ".."] {
            let err = TWO.render(&["DailyStandup", bad]).unwrap_err();
            assert!(matches!(err, Error::InvalidInput(_)), "{bad:?}: {err}");
            assert!(err.to_string().contains("`sid`"), "{err}");
        }
        let err = TWO.render(&["", "Alice"]).unwrap_err();
        assert!(err.to_string().contains("`room` is empty"), "{err}");
    }

    #[test]
    fn argument_count_is_checked() {
        let err = TWO.render(&["only-one"]).unwrap_err();
        assert!(err.to_string().contains("takes 2 argument(s), 1 given"), "{err}");
    }

    #[test]
    fn singleton_keeps_trailing_literal_and_displays_as_written() {
        assert_eq!(SINGLETON.render(&["RM1"]).unwrap(), "/v1/Rooms/RM1/RecordingRules");
        assert_eq!(SINGLETON.to_string(), "/v1/Rooms/<room>/RecordingRules");
        assert_eq!(SINGLETON.params(), ["room"]);
    }
}
