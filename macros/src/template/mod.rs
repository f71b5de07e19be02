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
mod tests;
