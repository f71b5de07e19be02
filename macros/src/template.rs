//! The path template language: `/v1/Rooms/<room>/Participants/<sid>`,
//! `/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json`.
//!
//! A template is `/`-separated segments. A segment is literal text, a `<placeholder>`, or a
//! mix of both (`<sid>.json`, `prefix-<id>-suffix`) as long as literal text separates any two
//! placeholders. Each placeholder becomes a parameter of the generated methods, so it must be
//! a Rust identifier. The runtime percent-encodes each argument (`/` included) and refuses
//! empty, `.` and `..` arguments, so a placeholder always stays inside its own segment and a
//! mixed segment can never render as `.` or `..`.

use std::fmt::Write as _;

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    segments: Vec<Segment>,
}

/// One `/`-separated part of a template. Its pieces are never empty, literal pieces are never
/// empty and never adjacent; in a parsed template placeholders are never adjacent either.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    pieces: Vec<Piece>,
}

/// Literal text, or a placeholder's name as written (`RoomSid` in `<RoomSid>`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
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
        check_braces(text)?;
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
        for name in template.placeholder_names() {
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
    /// follows the error: `<...>` and `{...}` (even unclosed or unopened) are taken for
    /// placeholders and the rest of their segment for literal text, so the generated methods
    /// most likely take the arguments the user meant and the path keeps its shape.
    pub(crate) fn recover(text: &str) -> Template {
        let mut segments = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let parts = text.split('/').filter(|p| !matches!(*p, "" | "." | ".."));
        for (i, part) in parts.enumerate() {
            let mut pieces = Vec::new();
            for piece in recover_pieces(part) {
                match piece {
                    Piece::Literal(text) => push_literal(&mut pieces, &text),
                    Piece::Placeholder(raw) => {
                        let mut name = recovered_name(&raw).unwrap_or_else(|| format!("arg{i}"));
                        while names.contains(&name) {
                            name.push_str("_2");
                        }
                        names.push(name.clone());
                        pieces.push(Piece::Placeholder(name));
                    }
                }
            }
            if !pieces.is_empty() {
                segments.push(Segment { pieces });
            }
        }
        Template { segments }
    }

    /// Its last segment holds no placeholder (`.../RecordingRules`, `.../Messages.json`):
    /// one object per parent, or a list path; not an instance path.
    pub(crate) fn is_singleton(&self) -> bool {
        self.segments.last().is_some_and(|s| !s.has_placeholder())
    }

    /// The template without its last segment: `/v1/Rooms/<room>/Participants/<sid>` →
    /// `/v1/Rooms/<room>/Participants`. See [`Template::list_path_guess`] for list paths.
    pub(crate) fn parent(&self) -> Template {
        Template { segments: self.segments[..self.segments.len().saturating_sub(1)].to_vec() }
    }

    /// The likely list path of an instance path: its [parent](Template::parent), plus the file
    /// extension that followed the last placeholder, if any, as Twilio's 2010 API spells it:
    /// `/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json` →
    /// `/2010-04-01/Accounts/<account_sid>/Messages.json`.
    pub(crate) fn list_path_guess(&self) -> Template {
        let mut list = self.parent();
        let extension = self
            .segments
            .last()
            .filter(|s| s.has_placeholder())
            .and_then(Segment::trailing_literal)
            .and_then(extension);
        if let (Some(extension), Some(last)) = (extension, list.segments.last_mut())
            && !last.trailing_literal().is_some_and(|t| t.ends_with(extension))
        {
            push_literal(&mut last.pieces, extension);
        }
        list
    }

    /// The method parameter of each placeholder, in order: its name in snake_case
    /// (`<RoomSid>` becomes `room_sid`).
    pub(crate) fn params(&self) -> impl Iterator<Item = String> + '_ {
        self.placeholder_names().map(snake_case)
    }

    /// Each placeholder's name as written (`RoomSid` for `<RoomSid>`), in order.
    pub(crate) fn placeholder_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.segments.iter().flat_map(|s| &s.pieces).filter_map(Piece::placeholder)
    }

    /// The literal text around the placeholders: one more piece than there are placeholders,
    /// so that the path is `pieces[0] + arg0 + pieces[1] + ... + pieces[n]`.
    pub(crate) fn literal_pieces(&self) -> Vec<String> {
        let mut pieces = vec![String::new()];
        for segment in &self.segments {
            pieces.last_mut().expect("pieces is never empty").push('/');
            for piece in &segment.pieces {
                match piece {
                    Piece::Literal(text) => pieces.last_mut().expect("pieces is never empty").push_str(text),
                    Piece::Placeholder(_) => pieces.push(String::new()),
                }
            }
        }
        pieces
    }

    /// The last segment that is literal text only, as written (`Messages.json`); segments
    /// that mix placeholders and text are skipped.
    pub(crate) fn last_literal(&self) -> Option<&str> {
        self.segments.iter().rev().find_map(Segment::as_literal)
    }

    /// The name a list path gives its items, to snake_case into the list's JSON key: the
    /// [last literal segment](Template::last_literal) without a file extension
    /// (`.../Calls.json` → `Calls`, `.../Participants` → `Participants`).
    pub(crate) fn list_key_guess(&self) -> Option<&str> {
        self.last_literal().map(|text| match extension(text) {
            Some(extension) if extension.len() < text.len() => &text[..text.len() - extension.len()],
            _ => text,
        })
    }
}

impl Segment {
    fn has_placeholder(&self) -> bool {
        self.pieces.iter().any(|p| p.placeholder().is_some())
    }

    /// The whole segment, when it is literal text only.
    fn as_literal(&self) -> Option<&str> {
        match self.pieces.as_slice() {
            [Piece::Literal(text)] => Some(text),
            _ => None,
        }
    }

    /// The literal text that ends the segment, if it ends in literal text.
    fn trailing_literal(&self) -> Option<&str> {
        match self.pieces.last() {
            Some(Piece::Literal(text)) => Some(text),
            _ => None,
        }
    }
}

impl Piece {
    fn placeholder(&self) -> Option<&str> {
        match self {
            Piece::Placeholder(name) => Some(name),
            Piece::Literal(_) => None,
        }
    }
}

/// Appends literal text, merging it into a literal piece that ends `pieces`.
fn push_literal(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(Piece::Literal(last)) => last.push_str(text),
        _ => pieces.push(Piece::Literal(text.to_owned())),
    }
}

/// The file extension ending `text`, dot included: `.json` in `Calls.json` or `.json`; not
/// `.1` in `v1.1`.
fn extension(text: &str) -> Option<&str> {
    let dot = text.rfind('.')?;
    let name = &text[dot + 1..];
    let is_extension = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    is_extension.then(|| &text[dot..])
}

impl std::fmt::Display for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for segment in &self.segments {
            f.write_char('/')?;
            for piece in &segment.pieces {
                match piece {
                    Piece::Literal(text) => f.write_str(text)?,
                    Piece::Placeholder(name) => write!(f, "<{name}>")?,
                }
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

/// A `{Name}` in a path, as Twilio's API specification writes placeholders.
struct Brace<'a> {
    /// Byte range of `{Name}` in the path.
    start: usize,
    end: usize,
    name: &'a str,
}

/// `{...}` groups within one segment; stray braces are left to the literal check.
fn braces(text: &str) -> Vec<Brace<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let after = open + 1;
        match text[after..].find(['{', '}', '/']).map(|i| after + i) {
            Some(close) if text[close..].starts_with('}') => {
                found.push(Brace { start: open, end: close + 1, name: &text[after..close] });
                from = close + 1;
            }
            Some(other) => from = other,
            None => break,
        }
    }
    found
}

/// Refuses `{RoomSid}`-style placeholders, naming all of them at once (a path copied from
/// Twilio's specification has them all) and saying what to write instead.
fn check_braces(text: &str) -> Result<(), String> {
    let found = braces(text);
    let suggestion = |brace: &Brace<'_>| recovered_name(brace.name).unwrap_or_else(|| brace.name.to_owned());
    match found.as_slice() {
        [] => Ok(()),
        [one] => Err(format!(
            "`{{{}}}` uses braces: sidekick placeholders use angle brackets, as in `<{}>`",
            one.name,
            suggestion(one)
        )),
        [.., last] => {
            let mut fixed = String::new();
            let mut copied = 0;
            for brace in &found {
                fixed.push_str(&text[copied..brace.start]);
                let in_angles = text[..brace.start].ends_with('<') && text[brace.end..].starts_with('>');
                if in_angles {
                    fixed.push_str(&suggestion(brace));
                } else {
                    let _ = write!(fixed, "<{}>", suggestion(brace));
                }
                copied = brace.end;
            }
            fixed.push_str(&text[copied..]);
            let firsts: Vec<String> =
                found[..found.len() - 1].iter().map(|b| format!("`{{{}}}`", b.name)).collect();
            Err(format!(
                "{} and `{{{}}}` use braces: sidekick placeholders use angle brackets, so write `{fixed}`",
                firsts.join(", "),
                last.name
            ))
        }
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
    if opens > closes {
        return Err(format!("unclosed placeholder in `{piece}`: add the missing `>`"));
    }
    if closes > opens {
        return Err(format!("`>` without a matching `<` in `{piece}`: remove it or add the `<`"));
    }
    let mut pieces = Vec::new();
    let mut rest = piece;
    while !rest.is_empty() {
        let Some(open) = rest.find(['<', '>']) else {
            check_literal(rest, piece)?;
            push_literal(&mut pieces, rest);
            break;
        };
        if rest[open..].starts_with('>') {
            return Err(format!("`>` without a matching `<` in `{piece}`: remove it or add the `<`"));
        }
        check_literal(&rest[..open], piece)?;
        push_literal(&mut pieces, &rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(['<', '>']) else {
            return Err(format!("unclosed placeholder in `{piece}`: add the missing `>`"));
        };
        if after[close..].starts_with('<') {
            let inner = after.split('>').next().unwrap_or_default();
            let inner = inner.rsplit('<').next().unwrap_or_default();
            return Err(format!(
                "`{piece}` opens a placeholder inside another: placeholders do not nest, \
                 so use one pair of angle brackets, as in `<{inner}>`"
            ));
        }
        let name = &after[..close];
        check_placeholder(name)?;
        if let Some(Piece::Placeholder(previous)) = pieces.last() {
            return Err(format!(
                "placeholders `<{previous}>` and `<{name}>` touch in `{piece}`, so nothing would mark where \
                 one value ends and the next begins: separate them with literal text, as in \
                 `<{previous}>-<{name}>`, or make them separate segments, as in `<{previous}>/<{name}>`"
            ));
        }
        pieces.push(Piece::Placeholder(name.to_owned()));
        rest = &after[close + 1..];
    }
    Ok(Segment { pieces })
}

fn check_placeholder(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty placeholder `<>`: name it, as in `<sid>`".to_owned());
    }
    let identifier_chars = name.chars().all(|c| c == '_' || c.is_alphanumeric());
    let starts_well = name.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic());
    if !(identifier_chars && starts_well) {
        if let Some((head, tail)) = name.split_once('.').filter(|(head, _)| check_placeholder(head).is_ok()) {
            return Err(format!(
                "placeholder `<{name}>` is not a Rust identifier (it names a method parameter): \
                 to follow a placeholder with literal text, close it first, as in `<{head}>.{tail}`"
            ));
        }
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

/// Literal text goes into URLs as written, so it may hold only characters that need no
/// encoding in a path. `segment` is the whole segment `text` belongs to, for the message.
fn check_literal(text: &str, segment: &str) -> Result<(), String> {
    const ALLOWED: &str = "-._~!$&'()*+,;=:@";
    match text.chars().find(|c| !(c.is_ascii_alphanumeric() || ALLOWED.contains(*c))) {
        None => Ok(()),
        Some(c @ ('{' | '}')) => Err(format!(
            "segment `{segment}` contains `{c}`: literal text cannot hold braces, \
             and sidekick placeholders use angle brackets, as in `<sid>`"
        )),
        Some(c) => Err(format!(
            "segment `{segment}` contains `{c}`, which cannot appear unencoded in a URL path: \
             paths hold no query, fragment or spaces, and variable parts are `<placeholders>`"
        )),
    }
}

/// Splits a segment of a template that failed to parse into literal text and raw placeholder
/// names, reading every `<`/`{` as an opening and every `>`/`}` as a closing: an unclosed
/// placeholder takes the identifier characters that follow it (`<sid.json` → `sid`, `.json`),
/// an unopened one those that precede it (`room>` → `room`).
fn recover_pieces(segment: &str) -> Vec<Piece> {
    let is_open = |c: char| matches!(c, '<' | '{');
    let is_close = |c: char| matches!(c, '>' | '}');
    let is_name = |c: &char| c.is_alphanumeric() || *c == '_';
    let chars: Vec<char> = segment.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_open(c) {
            let rest = &chars[i + 1..];
            let (name, used) = match rest.iter().position(|&c| is_close(c)) {
                Some(close) => {
                    (rest[..close].iter().filter(|&&c| !is_open(c)).collect::<String>(), close + 1)
                }
                None => {
                    let run = rest.iter().take_while(|c| is_name(c)).count();
                    (rest[..run].iter().collect(), run)
                }
            };
            push_literal(&mut pieces, &std::mem::take(&mut literal));
            pieces.push(Piece::Placeholder(name));
            i += 1 + used;
        } else if is_close(c) {
            let run = literal.chars().rev().take_while(is_name).count();
            if run > 0 {
                let split = literal.char_indices().rev().nth(run - 1).map_or(0, |(at, _)| at);
                let name = literal.split_off(split);
                push_literal(&mut pieces, &std::mem::take(&mut literal));
                pieces.push(Piece::Placeholder(name));
            }
            i += 1;
        } else {
            literal.push(c);
            i += 1;
        }
    }
    push_literal(&mut pieces, &literal);
    pieces
}

/// The parameter a malformed placeholder most likely meant, if its text gives a usable one.
fn recovered_name(raw: &str) -> Option<String> {
    let cleaned: String = raw.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let cleaned = cleaned.trim_matches('_');
    check_placeholder(cleaned).is_ok().then(|| snake_case(cleaned))
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

    fn lit(s: &str) -> Piece {
        Piece::Literal(s.into())
    }
    fn ph(s: &str) -> Piece {
        Piece::Placeholder(s.into())
    }
    /// The pieces of each segment.
    fn pieces(t: &Template) -> Vec<Vec<Piece>> {
        t.segments.iter().map(|s| s.pieces.clone()).collect()
    }
    fn params(t: &Template) -> Vec<String> {
        t.params().collect()
    }
    /// What the runtime renders, with each parameter's name as its argument.
    fn render(t: &Template) -> String {
        let literals = t.literal_pieces();
        let params = params(t);
        assert_eq!(literals.len(), params.len() + 1, "{t}");
        let mut out = literals[0].clone();
        for (param, literal) in params.iter().zip(&literals[1..]) {
            out.push_str(&format!("<{param}>{literal}"));
        }
        out
    }

    #[test]
    fn instance_and_singleton_paths() {
        let t = Template::parse("/v1/Rooms/<room>/Participants/<sid>").unwrap();
        assert_eq!(
            pieces(&t),
            [
                vec![lit("v1")],
                vec![lit("Rooms")],
                vec![ph("room")],
                vec![lit("Participants")],
                vec![ph("sid")]
            ]
        );
        assert!(!t.is_singleton());
        assert_eq!(t.parent().to_string(), "/v1/Rooms/<room>/Participants");
        assert_eq!(t.list_path_guess().to_string(), "/v1/Rooms/<room>/Participants");
        assert_eq!(t.literal_pieces(), ["/v1/Rooms/", "/Participants/", ""]);
        assert_eq!(params(&t), ["room", "sid"]);
        assert_eq!(t.to_string(), "/v1/Rooms/<room>/Participants/<sid>");

        let s = Template::parse("/v1/Rooms/<room>/RecordingRules").unwrap();
        assert!(s.is_singleton());
        assert_eq!(s.literal_pieces(), ["/v1/Rooms/", "/RecordingRules"]);
        assert_eq!(s.last_literal(), Some("RecordingRules"));
        assert_eq!(s.list_key_guess(), Some("RecordingRules"));
    }

    #[test]
    fn placeholders_share_segments_with_literal_text() {
        let t = Template::parse("/v1/Things/prefix-<id>-suffix").unwrap();
        assert_eq!(pieces(&t)[2], [lit("prefix-"), ph("id"), lit("-suffix")]);
        assert!(!t.is_singleton());
        assert_eq!(t.literal_pieces(), ["/v1/Things/prefix-", "-suffix"]);
        assert_eq!(t.to_string(), "/v1/Things/prefix-<id>-suffix");
        // `-suffix` is no file extension: the list path is the plain parent.
        assert_eq!(t.list_path_guess().to_string(), "/v1/Things");

        let t = Template::parse("/v1/Things/<a>-<b>/x<c>").unwrap();
        assert_eq!(pieces(&t)[2], [ph("a"), lit("-"), ph("b")]);
        assert_eq!(pieces(&t)[3], [lit("x"), ph("c")]);
        assert_eq!(t.literal_pieces(), ["/v1/Things/", "-", "/x", ""]);
        assert_eq!(params(&t), ["a", "b", "c"]);
        assert_eq!(render(&t), "/v1/Things/<a>-<b>/x<c>");

        let t = Template::parse("/v1/Rooms/<room>/Participants/PA<sid>").unwrap();
        assert_eq!(t.literal_pieces(), ["/v1/Rooms/", "/Participants/PA", ""]);
        assert_eq!(t.parent().to_string(), "/v1/Rooms/<room>/Participants");
    }

    #[test]
    fn twilio_2010_paths() {
        let t = Template::parse("/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json").unwrap();
        assert_eq!(pieces(&t)[4], [ph("sid"), lit(".json")]);
        assert!(!t.is_singleton());
        assert_eq!(params(&t), ["account_sid", "sid"]);
        assert_eq!(t.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages/", ".json"]);
        assert_eq!(t.to_string(), "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json");
        assert_eq!(t.parent().to_string(), "/2010-04-01/Accounts/<account_sid>/Messages");
        let list = t.list_path_guess();
        assert_eq!(list.to_string(), "/2010-04-01/Accounts/<account_sid>/Messages.json");
        assert!(list.is_singleton());
        assert_eq!(list.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages.json"]);
        assert_eq!(list.last_literal(), Some("Messages.json"));
        assert_eq!(list.list_key_guess(), Some("Messages"));

        let list = Template::parse("/2010-04-01/Accounts/<account_sid>/Messages.json").unwrap();
        assert!(list.is_singleton());
        assert_eq!(list.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages.json"]);

        let account = Template::parse("/2010-04-01/Accounts/<Sid>.json").unwrap();
        assert_eq!(account.list_path_guess().to_string(), "/2010-04-01/Accounts.json");

        let t = Template::parse(
            "/2010-04-01/Accounts/<account_sid>/Recordings/<recording_sid>/AddOnResults/<add_on_result_sid>/Payloads/<payload_sid>/Data.json",
        )
        .unwrap();
        assert!(t.is_singleton());
        assert_eq!(params(&t), ["account_sid", "recording_sid", "add_on_result_sid", "payload_sid"]);
        assert_eq!(
            t.literal_pieces(),
            ["/2010-04-01/Accounts/", "/Recordings/", "/AddOnResults/", "/Payloads/", "/Data.json"]
        );
        assert_eq!(t.last_literal(), Some("Data.json"));
        assert_eq!(t.list_key_guess(), Some("Data"));

        let nested =
            Template::parse("/2010-04-01/Accounts/<AccountSid>/Calls/<CallSid>/Recordings/<Sid>.json")
                .unwrap();
        assert_eq!(
            nested.list_path_guess().to_string(),
            "/2010-04-01/Accounts/<AccountSid>/Calls/<CallSid>/Recordings.json"
        );
        assert_eq!(nested.list_path_guess().list_key_guess(), Some("Recordings"));
    }

    #[test]
    fn list_path_guess_keeps_only_a_file_extension() {
        let cases = [
            ("/v1/Rooms/<room>/Participants/<sid>", "/v1/Rooms/<room>/Participants"),
            ("/v1/Services/<service>/Documents/<sid>", "/v1/Services/<service>/Documents"),
            ("/x/Items/<sid>.xml", "/x/Items.xml"),
            ("/x/Items/<sid>-v2.json", "/x/Items.json"),
            ("/x/Items/<sid>.v1.1", "/x/Items"),
            ("/x/Items.json/<sid>.json", "/x/Items.json"),
            ("/x/<a>/<b>.json", "/x/<a>.json"),
            ("/<sid>.json", ""),
        ];
        for (path, list) in cases {
            assert_eq!(Template::parse(path).unwrap().list_path_guess().to_string(), list, "{path}");
        }
    }

    #[test]
    fn list_keys_drop_file_extensions_and_skip_mixed_segments() {
        let cases = [
            ("/2010-04-01/Accounts/<account_sid>/Calls.json", Some("Calls")),
            ("/2010-04-01/Accounts/<account_sid>/IncomingPhoneNumbers.json", Some("IncomingPhoneNumbers")),
            ("/v1/Rooms/<room>/Participants", Some("Participants")),
            ("/v1/Rooms/<room>/Things/prefix-<id>.json", Some("Things")),
            ("/v1/Rooms/v1.1", Some("v1.1")),
            ("/v1/.well-known", Some(".well-known")),
            ("/<a>/<b>.json", None),
        ];
        for (path, key) in cases {
            assert_eq!(Template::parse(path).unwrap().list_key_guess(), key, "{path}");
        }
        let t = Template::parse("/v1/Rooms/<room>/Things/prefix-<id>.json").unwrap();
        assert_eq!(t.last_literal(), Some("Things"));
        assert_eq!(snake_case(t.list_key_guess().unwrap()), "things");
    }

    #[test]
    fn twilio_style_placeholders_become_snake_case_parameters() {
        let t = Template::parse("/v1/Rooms/<RoomSid>/Participants/<Sid>").unwrap();
        assert_eq!(params(&t), ["room_sid", "sid"]);
        assert_eq!(t.placeholder_names().collect::<Vec<_>>(), ["RoomSid", "Sid"]);
        assert_eq!(t.to_string(), "/v1/Rooms/<RoomSid>/Participants/<Sid>");
    }

    #[test]
    fn non_ascii_placeholders_are_identifiers() {
        let t = Template::parse("/v1/Salles/<salle_é>/Participants/<名前>").unwrap();
        assert_eq!(params(&t), ["salle_é", "名前"]);
        let err = Template::parse("/v1/Rooms/é").unwrap_err();
        assert!(err.contains("contains `é`"), "{err}");
        let err = Template::parse("/v1/Rooms/<room>é").unwrap_err();
        assert!(err.contains("segment `<room>é` contains `é`"), "{err}");
    }

    #[test]
    fn touching_placeholders_are_refused() {
        let err = Template::parse("/v1/Things/<a><b>").unwrap_err();
        assert_eq!(
            err,
            "placeholders `<a>` and `<b>` touch in `<a><b>`, so nothing would mark where one value ends \
             and the next begins: separate them with literal text, as in `<a>-<b>`, or make them separate \
             segments, as in `<a>/<b>`"
        );
        let err = Template::parse("/v1/Things/x<a>-<b><c>.json").unwrap_err();
        assert!(err.contains("`<b>` and `<c>` touch in `x<a>-<b><c>.json`"), "{err}");
    }

    #[test]
    fn braces_get_angle_bracket_hints() {
        let err = Template::parse("/v1/Rooms/{RoomSid}").unwrap_err();
        assert_eq!(
            err,
            "`{RoomSid}` uses braces: sidekick placeholders use angle brackets, as in `<room_sid>`"
        );

        let err = Template::parse("/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json")
            .unwrap_err();
        assert_eq!(
            err,
            "`{AccountSid}`, `{CallSid}` and `{Sid}` use braces: sidekick placeholders use angle brackets, \
             so write `/2010-04-01/Accounts/<account_sid>/Calls/<call_sid>/Recordings/<sid>.json`"
        );
        let err = Template::parse("/v1/Rooms/<{RoomSid}>/P/{Sid}").unwrap_err();
        assert!(err.ends_with("so write `/v1/Rooms/<room_sid>/P/<sid>`"), "{err}");
        // A name that would not do is suggested as written, for the next error to explain.
        let err = Template::parse("/v1/Rooms/{type}").unwrap_err();
        assert!(err.contains("as in `<type>`"), "{err}");
        // Stray braces are literal text, which cannot hold them.
        for path in ["/v1/Rooms/{RoomSid", "/v1/Rooms/RoomSid}", "/v1/{Rooms/<sid>}"] {
            let err = Template::parse(path).unwrap_err();
            assert!(err.contains("literal text cannot hold braces"), "{path}: {err}");
        }
    }

    #[test]
    fn brace_paths_recover_as_intended() {
        let t = Template::recover("/v1/Rooms/{RoomSid}/Participants/{Sid}");
        assert_eq!(params(&t), ["room_sid", "sid"]);
        assert!(!t.is_singleton());
        assert_eq!(t.to_string(), "/v1/Rooms/<room_sid>/Participants/<sid>");
        assert_eq!(t.list_path_guess().to_string(), "/v1/Rooms/<room_sid>/Participants");

        let t = Template::recover("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json");
        assert_eq!(params(&t), ["account_sid", "sid"]);
        assert!(!t.is_singleton());
        assert_eq!(t.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages/", ".json"]);
        assert_eq!(t.list_path_guess().to_string(), "/2010-04-01/Accounts/<account_sid>/Messages.json");

        let t = Template::recover("/2010-04-01/Accounts/{AccountSid}/Messages.json");
        assert!(t.is_singleton());
        assert_eq!(t.list_key_guess(), Some("Messages"));
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
            ("/v1/Rooms/<sid.json", "unclosed placeholder in `<sid.json`: add the missing `>`"),
            ("/v1/Rooms/room>", "`>` without a matching `<`"),
            ("/v1/Rooms/<a>>b<", "`>` without a matching `<` in `<a>>b<`"),
            ("/v1/Rooms/<>", "empty placeholder `<>`"),
            ("/v1/Rooms/x<>.json", "empty placeholder `<>`"),
            ("/v1/Rooms/<room-sid>", "`<room-sid>` is not a Rust identifier"),
            ("/v1/Rooms/<sid.json>", "close it first, as in `<sid>.json`"),
            ("/v1/Rooms/<1st>", "as in `<p1st>`"),
            ("/v1/Rooms/<type>", "a Rust keyword"),
            ("/v1/Rooms/<gen>", "a Rust keyword"),
            ("/v1/Rooms/<Type>", "names its parameter `type`, a Rust keyword"),
            ("/v1/Rooms/<type>.json", "a Rust keyword"),
            ("/v1/Rooms/<RoomSid>/P/<room_sid>", "both name the parameter `room_sid`"),
            ("/v1/Rooms/<a>-<A>", "both name the parameter `a`"),
            ("/v1/Rooms/<room>/..", "segment `..` after `/v1/Rooms/<room>` is a relative step"),
            ("/v1/./Rooms", "segment `.` after `/v1` is a relative step"),
            ("/v1/Rooms/<room>/P/<room>", "`<room>` appears twice"),
            ("/v1/Rooms/<room>.<room>", "`<room>` appears twice"),
            ("/v1/Rooms/<<room>>", "opens a placeholder inside another: placeholders do not nest"),
            ("/v1/Rooms/<a<room>>", "as in `<room>`"),
            ("/v1/Rooms/<a><b>", "touch"),
            ("/v1/Rooms/<client>", "clash with the generated methods' `client`"),
            ("/v1/Rooms/<Client>", "clash with the generated methods' `client`"),
            ("/v1/Rooms/x<params>", "clash with the generated methods' `params`"),
            ("/v1/Rooms/{RoomSid}", "uses braces"),
            ("/v1/Rooms?x=1", "segment `Rooms?x=1` contains `?`"),
            ("/v1/Rooms/<room>?x=1", "segment `<room>?x=1` contains `?`"),
            ("/v1/Rooms/<room>#top", "contains `#`"),
            ("/v1/Ro oms", "contains ` `"),
            ("/v1/Rooms/<room> .json", "contains ` `"),
        ];
        for (input, expected) in cases {
            let err = Template::parse(input).unwrap_err();
            assert!(err.contains(expected), "{input}: {err}");
        }
    }

    #[test]
    fn the_query_error_is_unchanged() {
        // tests/ui/path_query.stderr
        assert_eq!(
            Template::parse("/v1/Rooms/<room>/Participants?Status=connected").unwrap_err(),
            "segment `Participants?Status=connected` contains `?`, which cannot appear unencoded in a URL path: \
             paths hold no query, fragment or spaces, and variable parts are `<placeholders>`"
        );
    }

    #[test]
    fn recovery_keeps_the_intended_arguments() {
        let cases = [
            ("/v1/Rooms/<room/Participants/<sid>", vec!["room", "sid"]),
            ("/v1/Rooms/room>/<room-sid>", vec!["room", "room_sid"]),
            ("/v1/Rooms/<>/<1st>/<type>", vec!["arg2", "arg3", "arg4"]),
            ("/v1/Rooms/<a>/<a>", vec!["a", "a_2"]),
            ("v1//Rooms/./<RoomSid>", vec!["room_sid"]),
            ("/v1/Rooms/<<room>>", vec!["room"]),
            ("/v1/Things/<a><b>", vec!["a", "b"]),
            ("/v1/Things/<a>-<a>", vec!["a", "a_2"]),
            ("/v1/Rooms/{RoomSid}/P/{Sid}", vec!["room_sid", "sid"]),
            ("/v1/Rooms/{}/P/{type}", vec!["arg2", "arg4"]),
        ];
        for (text, expected) in cases {
            assert!(Template::parse(text).is_err(), "{text}");
            assert_eq!(params(&Template::recover(text)), expected, "{text}");
        }
    }

    #[test]
    fn recovery_keeps_the_shape_and_the_literal_text() {
        let cases = [
            // (malformed path, recovered path, is an instance)
            ("/v1/Rooms/<sid.json", "/v1/Rooms/<sid>.json", true),
            ("/v1/Rooms/sid>.json", "/v1/Rooms/<sid>.json", true),
            ("/v1/Rooms/PA<sid", "/v1/Rooms/PA<sid>", true),
            ("/v1/Rooms/x-sid>", "/v1/Rooms/x-<sid>", true),
            ("/v1/Rooms/<a><b>.json", "/v1/Rooms/<a><b>.json", true),
            (
                "/v1/Rooms/<room>/Participants?Status=connected",
                "/v1/Rooms/<room>/Participants?Status=connected",
                false,
            ),
            ("/v1/Rooms/{RoomSid}/RecordingRules", "/v1/Rooms/<room_sid>/RecordingRules", false),
            ("/v1/Rooms/{RoomSid", "/v1/Rooms/<room_sid>", true),
            ("/v1/Rooms/<>", "/v1/Rooms/<arg2>", true),
            ("", "", false),
        ];
        for (text, recovered, instance) in cases {
            let t = Template::recover(text);
            assert_eq!(t.to_string(), recovered, "{text}");
            assert_eq!(!t.is_singleton() && !t.segments.is_empty(), instance, "{text}");
            render(&t);
        }
    }

    #[test]
    fn literal_pieces_always_frame_the_params() {
        let paths = [
            "/v1/Rooms/<room>/Participants/<sid>",
            "/v1/Things/prefix-<id>-suffix",
            "/v1/Things/<a>-<b>/<c>",
            "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
            "/2010-04-01/Accounts/<account_sid>/Recordings/<recording_sid>/AddOnResults/<add_on_result_sid>/Payloads/<payload_sid>/Data.json",
        ];
        for path in paths {
            let t = Template::parse(path).unwrap();
            assert_eq!(t.to_string(), path);
            let snake: String = Template::recover(path).to_string();
            assert_eq!(render(&t), snake, "{path}");
            assert_eq!(Template::parse(&snake).unwrap().literal_pieces(), t.literal_pieces());
        }
    }

    #[test]
    fn list_keys_are_snake_case() {
        assert_eq!(snake_case("Participants"), "participants");
        assert_eq!(snake_case("PublishedTracks"), "published_tracks");
        assert_eq!(snake_case("SIPDomains"), "sip_domains");
        assert_eq!(snake_case("Calls2Go"), "calls2_go");
        assert_eq!(snake_case("recording-rules"), "recording_rules");
        assert_eq!(snake_case("IncomingPhoneNumbers"), "incoming_phone_numbers");
    }
}
