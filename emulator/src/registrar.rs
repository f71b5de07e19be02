//! Registering a whole set of resource types at once: the generated Twilio bindings visit each
//! resource of a product (`sidekick::twilio::messaging::for_each_resource`), and a [`Registrar`]
//! serves each one it can.

use sidekick_runtime::{Resource, ResourceVisitor};

use crate::emulator::Emulator;

/// Serves every resource type it visits, and keeps those it could not serve, with why.
///
/// ```
/// let emu = sidekick_emulator::Emulator::spawn()?;
/// let mut registrar = emu.registrar();
/// sidekick::twilio::video::for_each_resource(&mut registrar);
/// assert!(registrar.served().contains(&"RoomRecording"));
/// for (name, why) in registrar.skipped() {
///     println!("not served: {name}: {why}");
/// }
/// # Ok::<(), sidekick_emulator::EmulatorError>(())
/// ```
#[derive(Debug)]
pub struct Registrar<'a> {
    emulator: &'a Emulator,
    served: Vec<&'static str>,
    skipped: Vec<(&'static str, String)>,
}

impl Emulator {
    /// A [`Registrar`] for this emulator: give it to a generated product's
    /// `for_each_resource` to serve the whole product.
    pub fn registrar(&self) -> Registrar<'_> {
        Registrar { emulator: self, served: Vec::new(), skipped: Vec::new() }
    }

    /// Whether the resource type `R` is served (registered, or one of Video's).
    ///
    /// ```
    /// let emu = sidekick_emulator::Emulator::spawn()?;
    /// assert!(emu.serves::<sidekick::twilio::video::v1::Room>());
    /// assert!(!emu.serves::<sidekick::twilio::video::v1::RoomRecording>());
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn serves<R: Resource>(&self) -> bool {
        self.shared.registry.of::<R>().is_some()
    }
}

impl Registrar<'_> {
    /// The names of the resources served, in the order visited (including those served
    /// already).
    pub fn served(&self) -> &[&'static str] {
        &self.served
    }

    /// The resources that could not be served, with the reason: one without operations, say,
    /// or one whose path another served resource has.
    pub fn skipped(&self) -> &[(&'static str, String)] {
        &self.skipped
    }
}

impl ResourceVisitor for Registrar<'_> {
    fn visit<R: Resource>(&mut self) {
        match self.emulator.register::<R>() {
            Ok(()) => self.served.push(R::NAME),
            Err(why) => self.skipped.push((R::NAME, why.to_string())),
        }
    }
}
