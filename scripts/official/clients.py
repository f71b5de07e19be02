# twilio-python, unchanged, against the emulator: Video's rooms and participants, and a v2010
# Message described in messages.toml. Requests are sent to the emulator's base URL (argv[1])
# instead of Twilio's hosts; everything else is the library's own.
import sys
from urllib.parse import urlsplit, urlunsplit

from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

BASE = urlsplit(sys.argv[1])


class ToEmulator(TwilioHttpClient):
    def request(self, method, url, *args, **kwargs):
        parts = urlsplit(url)
        url = urlunsplit((BASE.scheme, BASE.netloc, parts.path, parts.query, parts.fragment))
        return super().request(method, url, *args, **kwargs)


def check(label, got, want):
    if got != want:
        sys.exit(f"python: {label}: got {got!r}, want {want!r}")
    print(f"python: {label}: ok")


client = Client("ACfacefacefacefacefacefacefaceface", "c0ffeec0ffeec0ffeec0ffeec0ffee00", http_client=ToEmulator())
video = client.video.v1
check("room created", video.rooms.create(unique_name="Py").status, "in-progress")
check("participant by identity", video.rooms("DailyStandup").participants("Alice").fetch().status, "connected")
everyone = [p.identity for p in video.rooms("DailyStandup").participants.list(page_size=2)]
check("participants over four pages", everyone, ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace"])
check("kick", video.rooms("DailyStandup").participants("Bob").update(status="disconnected").status, "disconnected")
try:
    video.rooms("DailyStandup").participants("Nobody").fetch()
    sys.exit("python: an unknown participant was found")
except TwilioRestException as error:
    check("unknown participant", (error.status, error.code), (404, 20404))

sids = [client.messages.create(to="+15558675310", from_="+15017122661", body=f"#{i}").sid for i in range(5)]
check("message fetched", client.messages(sids[0]).fetch().body, "#0")
check("messages over three pages", [m.body for m in client.messages.list(page_size=2)], [f"#{i}" for i in range(5)])
client.messages(sids[1]).update(body="")
check("message redacted", client.messages(sids[1]).fetch().body, "")
client.messages(sids[0]).delete()
try:
    client.messages(sids[0]).fetch()
    sys.exit("python: a deleted message was found")
except TwilioRestException as error:
    check("deleted message", (error.status, error.code), (404, 20404))
