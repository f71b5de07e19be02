//! The user's resources served by sidekick's emulator, registered by type and called through
//! sidekick's own client: Twilio's 2010 API messages, and a non-Twilio API with a paging shape
//! of its own.

mod github;
mod messages;

use sidekick::Client;
use sidekick_emulator::Emulator;

/// A client that sends the requests for `base_url` to the emulator, with its credentials.
pub fn client_for(emu: &Emulator, base_url: &str) -> Client {
    Client::builder()
        .auth_token(emu.account_sid(), emu.auth_token())
        .base_url_override(base_url, emu.base_url())
        .build()
        .expect("client")
}
