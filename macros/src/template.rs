//! The path template language: `/v1/Rooms/<room>/Participants/<sid>`.
//!
//! Segments are literal text or one whole-segment `<placeholder>`; each placeholder becomes a
//! parameter of the generated methods, so it must be a Rust identifier.

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    pub(crate) segments: Vec<Segment>,
}

/// One `/`-separated piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Literal(String),
    Placeholder(String),
}

/// Names a generated method already uses for its own parameters.
const RESERVED: &[&str] = &["client", "params", "filter"];

/// Keywords syn accepts as identifiers but some edition rejects as parameter names.
const EDITION_KEYWORDS: &[&str] = &[
    "abstract", "async", "await", "become", "box", "do", "dyn", "final", "gen", "macro", "override", "priv",
    "try", "typeof", "unsized", "virtual", "yield",
];

impl Template {
    /// Parses `text`, describing the first problem and how to fix it.
    pub(crate) fn parse(text: &str) -> Result<Template, String> {
        let Some(rest) = text.strip_prefix('/') else {
            return Err(format!("path must start with `/`, as in `/{text}`"));
        };
        if rest.is_empty() {
            return Err("path `/` names no resource: give its segments, as in `/v1/Rooms/<sid>`".to_owned());
        }
        let mut segments = Vec::new();
        let mut before = String::new();
        for piece in rest.split('/') {
            // Errors say where they are: a proc macro cannot point inside a string literal.
            segments.push(parse_segment(piece).map_err(|problem| locate(problem, piece, &before))?);
            before.push('/');
            before.push_str(piece);
        }
        let template = Template { segments };
        let mut seen: Vec<(String, &str)> = Vec::new();
        for name in template.segments.iter().filter_map(Segment::placeholder) {
            let param = snake_case(name);
            if let Some((_, first)) = seen.iter().find(|(p, _)| *p == param) {
                return Err(if *first == name {
                    format!(
                        "placeholder `<{name}>` appears twice: each needs its own name, such as `<{name}>` and `<{name}_2>`"
                    )
                } else {
                    format!(
                        "placeholders `<{first}>` and `<{name}>` both name the parameter `{param}`: rename one"
                    )
                });
            }
            seen.push((param, name));
        }
        Ok(template)
    }

    /// A best-effort reading of a template that failed to parse, for the expansion that
    /// follows the error: anything with `<` or `>` is taken for a placeholder, so the
    /// generated methods most likely take the arguments the user meant.
    pub(crate) fn recover(text: &str) -> Template {
        let mut segments = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let pieces = text.split('/').filter(|p| !matches!(*p, "" | "." | ".."));
        for (i, piece) in pieces.enumerate() {
            if !piece.contains(['<', '>']) {
                segments.push(Segment::Literal(piece.to_owned()));
                continue;
            }
            let cleaned: String = piece.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
            let cleaned = cleaned.trim_matches('_');
            let mut name =
                if check_placeholder(cleaned).is_ok() { snake_case(cleaned) } else { format!("arg{i}") };
            while names.contains(&name) {
                name.push_str("_2");
            }
            names.push(name.clone());
            segments.push(Segment::Placeholder(name));
        }
        Template { segments }
    }

    /// Ends in a literal segment: one object per parent, with no list of its own.
    pub(crate) fn is_singleton(&self) -> bool {
        matches!(self.segments.last(), Some(Segment::Literal(_)))
    }

    /// The list path of an instance path: everything before its last placeholder.
    pub(crate) fn parent(&self) -> Template {
        Template { segments: self.segments[..self.segments.len() - 1].to_vec() }
    }

    /// The method parameter of each placeholder, in order: its name in snake_case
    /// (`<RoomSid>` becomes `room_sid`).
    pub(crate) fn params(&self) -> impl Iterator<Item = String> + '_ {
        self.segments.iter().filter_map(Segment::placeholder).map(snake_case)
    }

    /// The literal text around the placeholders: one more piece than there are placeholders.
    pub(crate) fn literal_pieces(&self) -> Vec<String> {
        let mut pieces = vec![String::new()];
        for segment in &self.segments {
            let current = pieces.last_mut().expect("pieces is never empty");
            current.push('/');
            match segment {
                Segment::Literal(text) => current.push_str(text),
                Segment::Placeholder(_) => pieces.push(String::new()),
            }
        }
        pieces
    }

    /// The last literal segment, from which a list key is derived.
    pub(crate) fn last_literal(&self) -> Option<&str> {
        self.segments.iter().rev().find_map(|s| match s {
            Segment::Literal(text) => Some(text.as_str()),
            Segment::Placeholder(_) => None,
        })
    }
}

impl Segment {
    fn placeholder(&self) -> Option<&str> {
        match self {
            Segment::Placeholder(name) => Some(name),
            Segment::Literal(_) => None,
        }
    }
}

impl std::fmt::Display for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => write!(f, "/{text}")?,
                Segment::Placeholder(name) => write!(f, "/<{name}>")?,
            }
        }
        Ok(())
    }
}

/// Adds where a segment's problem is, for the problems whose text does not show it.
fn locate(problem: String, piece: &str, before: &str) -> String {
    match piece {
        "" if before.is_empty() => format!("empty first segment (`//` at the start): {problem}"),
        "" => format!("empty segment after `{before}` (a doubled or trailing `/`): {problem}"),
        "." | ".." => format!("segment `{piece}` after `{before}` {problem}"),
        _ => problem,
    }
}

fn parse_segment(piece: &str) -> Result<Segment, String> {
    if piece.is_empty() {
        return Err("remove the extra `/`".to_owned());
    }
    if piece == "." || piece == ".." {
        return Err(
            "is a relative step that URLs resolve away, so requests would reach another resource: remove it"
                .to_owned(),
        );
    }
    let opens = piece.matches('<').count();
    let closes = piece.matches('>').count();
    if opens == 0 && closes == 0 {
        return check_literal(piece).map(|()| Segment::Literal(piece.to_owned()));
    }
    if opens > closes {
        return Err(format!("unclosed placeholder in `{piece}`: add the missing `>`"));
    }
    if closes > opens {
        return Err(format!("`>` without a matching `<` in `{piece}`: remove it or add the `<`"));
    }
    let Some(name) = piece.strip_prefix('<').and_then(|p| p.strip_suffix('>')).filter(|_| opens == 1) else {
        return Err(format!(
            "`{piece}` mixes a placeholder with other text: a placeholder must be a whole segment, such as `<sid>`"
        ));
    };
    check_placeholder(name).map(|()| Segment::Placeholder(name.to_owned()))
}

fn check_placeholder(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty placeholder `<>`: name it, as in `<sid>`".to_owned());
    }
    let identifier_chars = name.chars().all(|c| c == '_' || c.is_alphanumeric());
    let starts_well = name.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic());
    if !(identifier_chars && starts_well) {
        let suggestion: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
        let suggestion = if starts_well { suggestion } else { format!("p{suggestion}") };
        return Err(format!(
            "placeholder `<{name}>` is not a Rust identifier (it names a method parameter): use letters, digits and `_`, as in `<{suggestion}>`"
        ));
    }
    let param = snake_case(name);
    if param.chars().all(|c| c == '_') {
        return Err(format!(
            "placeholder `<{name}>` needs a name: `_` alone cannot name a parameter, as in `<sid>`"
        ));
    }
    if RESERVED.contains(&param.as_str()) {
        return Err(format!(
            "placeholder `<{name}>` would clash with the generated methods' `{param}` parameter: rename it, as in `<{param}_sid>`"
        ));
    }
    if EDITION_KEYWORDS.contains(&param.as_str()) || syn::parse_str::<syn::Ident>(&param).is_err() {
        return Err(format!(
            "placeholder `<{name}>` names its parameter `{param}`, a Rust keyword: choose another name, such as `<{param}_sid>`"
        ));
    }
    Ok(())
}

/// Literal segments go into URLs as written, so they may hold only characters that need no
/// encoding in a path.
fn check_literal(piece: &str) -> Result<(), String> {
    const ALLOWED: &str = "-._~!$&'()*+,;=:@";
    match piece.chars().find(|c| !(c.is_ascii_alphanumeric() || ALLOWED.contains(*c))) {
        None => Ok(()),
        Some(c) => Err(format!(
            "segment `{piece}` contains `{c}`, which cannot appear unencoded in a URL path: \
             paths hold no query, fragment or spaces, and variable parts are `<placeholders>`"
        )),
    }
}

/// `PublishedTracks` → `published_tracks`, the list key Twilio uses for a list path.
pub(crate) fn snake_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let after_lower = i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
            let ends_acronym =
                i > 0 && chars[i - 1].is_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if after_lower || ends_acronym {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c == '-' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Segment {
        Segment::Literal(s.into())
    }
    fn ph(s: &str) -> Segment {
        Segment::Placeholder(s.into())
    }

    #[test]
    fn instance_and_singleton_paths() {
        let t = Template::parse("/v1/Rooms/<room>/Participants/<sid>").unwrap();
        assert_eq!(t.segments, [lit("v1"), lit("Rooms"), ph("room"), lit("Participants"), ph("sid")]);
        assert!(!t.is_singleton());
        assert_eq!(t.parent().to_string(), "/v1/Rooms/<room>/Participants");
        assert_eq!(t.literal_pieces(), ["/v1/Rooms/", "/Participants/", ""]);
        assert_eq!(t.params().collect::<Vec<_>>(), ["room", "sid"]);

        let s = Template::parse("/v1/Rooms/<room>/RecordingRules").unwrap();
        assert!(s.is_singleton());
        assert_eq!(s.literal_pieces(), ["/v1/Rooms/", "/RecordingRules"]);
        assert_eq!(s.last_literal(), Some("RecordingRules"));
    }

    #[test]
    fn twilio_style_placeholders_become_snake_case_parameters() {
        let t = Template::parse("/v1/Rooms/<RoomSid>/Participants/<Sid>").unwrap();
        assert_eq!(t.params().collect::<Vec<_>>(), ["room_sid", "sid"]);
        assert_eq!(t.to_string(), "/v1/Rooms/<RoomSid>/Participants/<Sid>");
    }

    #[test]
    fn non_ascii_placeholders_are_identifiers() {
        let t = Template::parse("/v1/Salles/<salle_é>/Participants/<名前>").unwrap();
        assert_eq!(t.params().collect::<Vec<_>>(), ["salle_é", "名前"]);
        let err = Template::parse("/v1/Rooms/é").unwrap_err();
        assert!(err.contains("contains `é`"), "{err}");
    }

    #[test]
    fn every_malformed_template_says_what_to_do() {
        let cases = [
            ("v1/Rooms", "must start with `/`"),
            ("/v1//Rooms", "empty segment after `/v1` (a doubled or trailing `/`)"),
            ("/v1/Rooms/", "empty segment after `/v1/Rooms`"),
            ("//v1", "empty first segment"),
            ("/", "names no resource"),
            ("/v1/Rooms/<_>", "`_` alone cannot name a parameter"),
            ("/v1/Rooms/<room", "unclosed placeholder in `<room`"),
            ("/v1/Rooms/room>", "`>` without a matching `<`"),
            ("/v1/Rooms/<>", "empty placeholder `<>`"),
            ("/v1/Rooms/<room-sid>", "`<room-sid>` is not a Rust identifier"),
            ("/v1/Rooms/<1st>", "as in `<p1st>`"),
            ("/v1/Rooms/<type>", "a Rust keyword"),
            ("/v1/Rooms/<gen>", "a Rust keyword"),
            ("/v1/Rooms/<Type>", "names its parameter `type`, a Rust keyword"),
            ("/v1/Rooms/<RoomSid>/P/<room_sid>", "both name the parameter `room_sid`"),
            ("/v1/Rooms/<room>/..", "segment `..` after `/v1/Rooms/<room>` is a relative step"),
            ("/v1/./Rooms", "segment `.` after `/v1` is a relative step"),
            ("/v1/Rooms/<room>/P/<room>", "`<room>` appears twice"),
            ("/v1/Rooms/x<room>", "must be a whole segment"),
            ("/v1/Rooms/<<room>>", "must be a whole segment"),
            ("/v1/Rooms/<client>", "clash with the generated methods' `client`"),
            ("/v1/Rooms/<Client>", "clash with the generated methods' `client`"),
            ("/v1/Rooms?x=1", "contains `?`"),
            ("/v1/Ro oms", "contains ` `"),
        ];
        for (input, expected) in cases {
            let err = Template::parse(input).unwrap_err();
            assert!(err.contains(expected), "{input}: {err}");
        }
    }

    #[test]
    fn recovery_keeps_the_intended_arguments() {
        let cases = [
            ("/v1/Rooms/<room/Participants/<sid>", vec!["room", "sid"]),
            ("/v1/Rooms/room>/<room-sid>", vec!["room", "room_sid"]),
            ("/v1/Rooms/<>/<1st>/<type>", vec!["arg2", "arg3", "arg4"]),
            ("/v1/Rooms/<a>/<a>", vec!["a", "a_2"]),
            ("v1//Rooms/./<RoomSid>", vec!["room_sid"]),
        ];
        for (text, expected) in cases {
            assert!(Template::parse(text).is_err(), "{text}");
            assert_eq!(Template::recover(text).params().collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn list_keys_are_snake_case() {
        assert_eq!(snake_case("Participants"), "participants");
        assert_eq!(snake_case("PublishedTracks"), "published_tracks");
        assert_eq!(snake_case("SIPDomains"), "sip_domains");
        assert_eq!(snake_case("Calls2Go"), "calls2_go");
        assert_eq!(snake_case("recording-rules"), "recording_rules");
    }
}
