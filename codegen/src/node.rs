//! A JSON value that keeps object keys in document order, and JSON pointers for errors.
//!
//! `serde_json::Value` sorts object keys (the workspace does not enable `preserve_order`, and
//! enabling it here would change `serde_json` for every crate built alongside). The extract needs
//! document order in one place, "the first example", so input is read into [`Node`] instead.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::Error;

/// One JSON value as written in the input, objects in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as `serde_json` parses it.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object: its members in document order.
    Object(Vec<(String, Node)>),
}

impl Node {
    /// The member `key` of an object (the last one, as JSON parsers usually do, if repeated).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members of an object, or an error naming `at`.
    pub fn object(&self, at: &Ptr) -> Result<&[(String, Node)], Error> {
        match self {
            Node::Object(members) => Ok(members),
            other => Err(Error::at(at, format!("expected an object, found {}", other.kind()))),
        }
    }

    /// The items of an array, or an error naming `at`.
    pub fn array(&self, at: &Ptr) -> Result<&[Node], Error> {
        match self {
            Node::Array(items) => Ok(items),
            other => Err(Error::at(at, format!("expected an array, found {}", other.kind()))),
        }
    }

    /// The string, or an error naming `at`.
    pub fn string(&self, at: &Ptr) -> Result<&str, Error> {
        self.as_str().ok_or_else(|| Error::at(at, format!("expected a string, found {}", self.kind())))
    }

    /// The boolean, or an error naming `at`.
    pub fn boolean(&self, at: &Ptr) -> Result<bool, Error> {
        match self {
            Node::Bool(b) => Ok(*b),
            other => Err(Error::at(at, format!("expected a boolean, found {}", other.kind()))),
        }
    }

    /// Follows an RFC 6901 pointer (`/components/schemas/x`) from this node.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |node, raw| {
            let token = raw.replace("~1", "/").replace("~0", "~");
            match node {
                Node::Object(_) => node.get(&token),
                Node::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            }
        })
    }

    /// The same value as a `serde_json::Value` (object keys then sort, which is what the output wants).
    pub fn to_value(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.clone()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(members) => {
                Value::Object(members.iter().map(|(k, v)| (k.clone(), v.to_value())).collect::<Map<_, _>>())
            }
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Number::from_f64(v).map(Node::Number).ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(member) = map.next_entry::<String, Node>()? {
            members.push(member);
        }
        Ok(Node::Object(members))
    }
}

/// An RFC 6901 JSON pointer into the input, carried along so errors can say where they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ptr(String);

impl Ptr {
    /// The pointer to the document itself (the empty string).
    pub fn root() -> Self {
        Ptr(String::new())
    }

    /// The pointer written as `text`, such as a `$ref` target without its leading `#`.
    pub fn parse(text: &str) -> Self {
        Ptr(text.to_owned())
    }

    /// The pointer to member `key` of the object here.
    pub fn key(&self, key: &str) -> Self {
        Ptr(format!("{}/{}", self.0, key.replace('~', "~0").replace('/', "~1")))
    }

    /// The pointer to item `index` of the array here.
    pub fn index(&self, index: usize) -> Self {
        Ptr(format!("{}/{index}", self.0))
    }

    /// The pointer's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ptr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The root pointer is empty; show it as "" so messages never have a blank.
        if self.0.is_empty() { f.write_str("\"\"") } else { f.write_str(&self.0) }
    }
}
