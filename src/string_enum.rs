//! `string_enum!`: the string enums of REST APIs, open to values a later API version adds.

/// Declares an enum of an API's string values with an `Unknown(String)` fallback, so a value
/// this version does not know decodes instead of failing the whole response, and is sent back
/// unchanged.
///
/// The enum gets `as_str`, `From<&str>`, `Display`, `Serialize` and a `Deserialize` that does
/// not buffer (serde's derive with an untagged fallback would buffer every value). Write the
/// derives you want beside the docs; `Clone`, `PartialEq`, `Eq` and `Hash` suit most.
///
/// ```
/// sidekick::string_enum! {
///     /// A room's status.
///     #[derive(Debug, Clone, PartialEq, Eq, Hash)]
///     pub enum RoomStatus {
///         /// Participants may join.
///         InProgress = "in-progress",
///         /// Ended.
///         Completed = "completed",
///     }
/// }
///
/// let status: RoomStatus = serde_json::from_str(r#""in-progress""#).unwrap();
/// assert_eq!(status, RoomStatus::InProgress);
/// let new: RoomStatus = serde_json::from_str(r#""paused""#).unwrap();
/// assert_eq!(new, RoomStatus::Unknown("paused".into()));
/// assert_eq!(serde_json::to_string(&new).unwrap(), r#""paused""#);
/// assert_eq!(RoomStatus::from("completed").to_string(), "completed");
/// ```
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $wire:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                $variant,
            )+
            /// A value this version of the binding does not know, as the API sent it.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other,
                }
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )+
                    other => $name::Unknown(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                struct StrVisitor;

                impl $crate::__private::serde::de::Visitor<'_> for StrVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(::core::concat!("a ", ::core::stringify!($name), " string"))
                    }

                    fn visit_str<E: $crate::__private::serde::de::Error>(
                        self,
                        value: &str,
                    ) -> ::core::result::Result<$name, E> {
                        ::core::result::Result::Ok($name::from(value))
                    }
                }

                deserializer.deserialize_str(StrVisitor)
            }
        }
    };
}
