//! The HTTP method Twilio calls a webhook with: the type of every `*_method` field.

crate::string_enum! {
    /// The HTTP method Twilio uses to call one of your URLs (`status_callback_method`,
    /// `voice_method`...). The descriptions give 232 such fields the values `GET` and `POST`;
    /// any other value decodes as `Unknown`.
    ///
    /// ```
    /// use sidekick::twilio::WebhookMethod;
    /// let method: WebhookMethod = serde_json::from_str("\"POST\"").unwrap();
    /// assert_eq!(method, WebhookMethod::Post);
    /// assert_eq!(WebhookMethod::from("GET").as_str(), "GET");
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub enum WebhookMethod {
        /// `GET`: parameters in the query string.
        Get = "GET",
        /// `POST`: parameters in a form body.
        Post = "POST",
    }
}
