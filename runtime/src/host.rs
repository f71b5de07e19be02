//! Where a resource's base URL really points: per-base overrides, then Twilio's region/edge
//! host rewrite. Pure string work, resolved once per request.

use url::Url;

use crate::Error;

/// The routing a client applies to every resource base URL (`https://video.twilio.com`).
#[derive(Debug, Clone, Default)]
pub(crate) struct HostMap {
    pub(crate) region: Option<String>,
    pub(crate) edge: Option<String>,
    /// `(resource base, replacement)`, both normalised without a trailing slash.
    pub(crate) overrides: Vec<(String, String)>,
}

impl HostMap {
    /// The base URL requests for a resource declared on `base` go to.
    pub(crate) fn resolve<'a>(&'a self, base: &'a str) -> std::borrow::Cow<'a, str> {
        let base = base.trim_end_matches('/');
        // Schemes and hosts are case-insensitive; overrides are stored normalised (lower case).
        if let Some((_, to)) = self.overrides.iter().find(|(from, _)| from.eq_ignore_ascii_case(base)) {
            return to.as_str().into();
        }
        if self.region.is_none() && self.edge.is_none() {
            return base.into();
        }
        rewrite_twilio_host(base, self.region.as_deref(), self.edge.as_deref()).into()
    }
}

/// Twilio's libraries' rule: `product[.edge][.region].twilio.com`. Configured values replace
/// the ones already in the host; an edge with no region anywhere implies `us1`.
fn rewrite_twilio_host(base: &str, region: Option<&str>, edge: Option<&str>) -> String {
    let Ok(mut url) = Url::parse(base) else {
        return base.to_owned();
    };
    let Some(host) = url.host_str() else {
        return base.to_owned();
    };
    let pieces: Vec<&str> = host.split('.').collect();
    if pieces.len() < 3 || !host.ends_with(".twilio.com") {
        return base.to_owned();
    }
    let (found_edge, found_region) = match pieces.len() {
        4 => (None, Some(pieces[1])),
        5 => (Some(pieces[1]), Some(pieces[2])),
        _ => (None, None),
    };
    let edge = edge.or(found_edge);
    let region = region.or(found_region).or(edge.map(|_| "us1"));
    let suffix = &pieces[pieces.len() - 2..].join(".");
    let new_host = [Some(pieces[0]), edge, region, Some(suffix.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(".");
    if url.set_host(Some(&new_host)).is_err() {
        return base.to_owned();
    }
    url.as_str().trim_end_matches('/').to_owned()
}

/// Checks a region or edge name: Twilio's are lower-case DNS labels (`au1`, `sydney`), and
/// anything else would be rejected by the host rewrite, sending traffic to the default host.
pub(crate) fn check_host_label(what: &str, value: &str) -> Result<(), Error> {
    let valid = !value.is_empty()
        && value.len() <= 63
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if valid {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what} `{value}` is not a valid name: use lower-case letters, digits and `-`, such as `au1` or `sydney`"
        )))
    }
}

/// Checks that `raw` is an absolute http(s) URL usable as a base, and normalises it.
pub(crate) fn normalize_base(raw: &str) -> Result<String, Error> {
    let url =
        Url::parse(raw).map_err(|e| Error::invalid_input(format!("`{raw}` is not an absolute URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::invalid_input(format!("`{raw}` is not an http or https URL with a host")));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::invalid_input(
            "a base URL must not carry credentials (`user:password@`); sidekick sends its own",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::invalid_input(format!("base URL `{raw}` must not have a query or fragment")));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// What is wrong with a resource's declared base URL, if anything. A `const fn`, so the
/// derive's check of a constant runs at compile time; requests are built by appending the
/// path, so a query, fragment or credentials would send every operation somewhere else.
pub(crate) const fn base_url_problem(url: &str) -> Option<&'static str> {
    let bytes = url.as_bytes();
    let rest = if starts_with(bytes, b"https://") {
        8
    } else if starts_with(bytes, b"http://") {
        7
    } else {
        return Some(
            "base_url must be an absolute http:// or https:// URL, such as \"https://api.twilio.com\"",
        );
    };
    let mut i = rest;
    let mut in_host = true;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if i == rest => return Some("base_url has no host, as in \"https://api.twilio.com\""),
            b'/' => in_host = false,
            b'@' if in_host => return Some("base_url must not carry credentials (user:password@)"),
            b'?' | b'#' => return Some("base_url must not have a query or fragment"),
            b if b.is_ascii_whitespace() || b.is_ascii_control() => {
                return Some("base_url must not contain spaces or control characters");
            }
            _ => {}
        }
        i += 1;
    }
    if i == rest {
        return Some("base_url has no host, as in \"https://api.twilio.com\"");
    }
    None
}

const fn starts_with(bytes: &[u8], prefix: &[u8]) -> bool {
    if bytes.len() < prefix.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if bytes[i].to_ascii_lowercase() != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `scheme://host:port` of a URL, the unit credentials are scoped to.
pub(crate) fn origin_of(url: &Url) -> String {
    url.origin().ascii_serialization()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(region: Option<&str>, edge: Option<&str>) -> HostMap {
        HostMap { region: region.map(str::to_owned), edge: edge.map(str::to_owned), overrides: Vec::new() }
    }

    #[test]
    fn region_and_edge_rewrite_like_twilio_libraries() {
        let base = "https://video.twilio.com";
        assert_eq!(map(None, None).resolve(base), base);
        assert_eq!(map(Some("au1"), Some("sydney")).resolve(base), "https://video.sydney.au1.twilio.com");
        assert_eq!(map(Some("ie1"), None).resolve(base), "https://video.ie1.twilio.com");
        assert_eq!(map(None, Some("dublin")).resolve(base), "https://video.dublin.us1.twilio.com");
        assert_eq!(
            map(Some("au1"), None).resolve("https://video.dublin.ie1.twilio.com"),
            "https://video.dublin.au1.twilio.com"
        );
    }

    #[test]
    fn non_twilio_hosts_are_left_alone() {
        let m = map(Some("au1"), Some("sydney"));
        assert_eq!(m.resolve("https://api.example.com"), "https://api.example.com");
        assert_eq!(m.resolve("http://127.0.0.1:4010"), "http://127.0.0.1:4010");
    }

    #[test]
    fn overrides_win_and_ignore_trailing_slashes() {
        let mut m = map(Some("au1"), Some("sydney"));
        m.overrides.push(("https://video.twilio.com".into(), "http://127.0.0.1:9".into()));
        assert_eq!(m.resolve("https://video.twilio.com/"), "http://127.0.0.1:9");
        assert_eq!(m.resolve("https://voice.twilio.com"), "https://voice.sydney.au1.twilio.com");
    }

    #[test]
    fn overrides_match_whatever_the_case_of_the_declared_base() {
        let mut m = map(None, None);
        m.overrides.push((normalize_base("https://VIDEO.twilio.com").unwrap(), "http://127.0.0.1:9".into()));
        assert_eq!(m.resolve("https://Video.Twilio.Com"), "http://127.0.0.1:9");
    }

    #[test]
    fn region_and_edge_names_are_checked() {
        for good in ["au1", "sydney", "us-east-1"] {
            assert!(check_host_label("region", good).is_ok(), "{good}");
        }
        for bad in ["", "au1/x", "syd ney", "a@b", "AU1", "-x", "a.b"] {
            let err = check_host_label("edge", bad).unwrap_err();
            assert!(err.to_string().contains("is not a valid name"), "{bad}: {err}");
        }
    }

    #[test]
    fn declared_base_urls_are_checked() {
        for good in ["https://api.twilio.com", "HTTP://127.0.0.1:4010/prefix/", "https://x"] {
            assert_eq!(base_url_problem(good), None, "{good}");
        }
        for (bad, expected) in [
            ("api.twilio.com", "absolute"),
            ("https://", "no host"),
            ("https:///v1", "no host"),
            ("http://127.0.0.1:1/api?tenant=1#", "query or fragment"),
            ("https://user:pw@api.twilio.com", "credentials"),
            ("https://api.twilio.com/a b", "spaces"),
        ] {
            assert!(base_url_problem(bad).is_some_and(|p| p.contains(expected)), "{bad}");
        }
        // An `@` past the host is a path character, not credentials.
        assert_eq!(base_url_problem("https://api.example.com/@me"), None);
    }

    #[test]
    fn base_urls_are_validated() {
        assert_eq!(normalize_base("http://127.0.0.1:80/").unwrap(), "http://127.0.0.1");
        assert_eq!(normalize_base("http://localhost:9/prefix/").unwrap(), "http://localhost:9/prefix");
        for bad in [
            "video.twilio.com",
            "ftp://x.com",
            "/v1",
            "http://x.com/?a=1",
            "mailto:a@b.c",
            "http://u:secret@x.com",
        ] {
            assert!(normalize_base(bad).is_err(), "{bad}");
        }
    }
}
