//! Twilio's 2010 API (`https://api.twilio.com/2010-04-01`): paths under the account, ending in
//! `.json`; list pages with a relative `next_page_uri`; RFC 2822 dates.

mod call;
mod message;

pub use call::{Call, CallFilter, CallStatus, CreateCall};
pub use message::{
    CreateMessage, Message, MessageDirection, MessageFilter, MessageStatus, ScheduleType, UpdateMessage,
    UpdateMessageStatus,
};

/// The base URL of the 2010 API.
pub const API: &str = "https://api.twilio.com";
