"""Interop client on autobahn-python (asyncio) for the pipes WAMP router tests.

usage: autobahn_python_client.py URL REALM json|msgpack caller|callee NAME

ticket|wampcra (as ROLE, with NAME = AUTHID:SECRET): joins with that authentication and prints
        WELCOME with the authid and authrole the router gave.
callee: registers py.add, py.progress (progressive results), py.slow (until interrupted) and
        interop.shared (roundrobin, answers NAME); prints READY, then INTERRUPTED when py.slow
        is canceled.
caller: calls the java.* procedures the test registered and prints one RESULT line per check.
toobig: calls java.big with NAME bytes (more than the router takes) and prints CLOSED with the
        code and reason of the router's Close frame.
Every line is "KEY json".
"""
import asyncio
import json
import sys

from autobahn.asyncio.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp import auth
from autobahn.wamp.serializer import JsonSerializer, MsgPackSerializer
from autobahn.wamp.types import CallOptions, RegisterOptions

URL, REALM, SERIALIZER, ROLE, NAME = sys.argv[1:6]


def out(key, value):
    print(key, json.dumps(value), flush=True)


class Callee(ApplicationSession):
    async def onJoin(self, details):
        def add(a, b):
            return a + b

        def progress(n, details=None):
            if details.progress:
                for i in range(1, n + 1):
                    details.progress(i)
            return "done"

        async def slow():
            try:
                await asyncio.sleep(60)
                return "not canceled"
            except asyncio.CancelledError:
                out("INTERRUPTED", NAME)
                raise

        def echo(data):
            # bytes arrive as bytes; answered as the list of their values, so the test sees each byte
            return list(data)

        await self.register(add, "py.add")
        await self.register(progress, "py.progress", RegisterOptions(details_arg="details"))
        await self.register(slow, "py.slow")
        await self.register(echo, "py.echo_bytes")
        await self.register(lambda: NAME, "interop.shared", RegisterOptions(invoke="roundrobin"))
        out("READY", self._session_id)


class Caller(ApplicationSession):
    async def onJoin(self, details):
        try:
            out("ADD", await self.call("java.add", 2, 3))
            seen = []
            final = await self.call("java.progress", 3, options=CallOptions(on_progress=lambda i: seen.append(i)))
            out("PROGRESS", {"progress": seen, "final": final})
            binary = await self.call("java.echo", bytes([0, 1, 255, 10]))
            out("BINARY", list(binary))
            slow = self.call("java.slow")
            await asyncio.sleep(0.2)
            slow.cancel()
            try:
                await slow
                out("CANCEL", "not canceled")
            except asyncio.CancelledError:
                out("CANCEL", "canceled")
            shared = [await self.call("java.shared") for _ in range(4)]
            out("SHARED", shared)
            try:
                await self.call("java.none")
            except Exception as e:
                out("ERROR", getattr(e, "error", str(e)))
        finally:
            self.leave()

    def onDisconnect(self):
        asyncio.get_event_loop().stop()


class TooBig(ApplicationSession):
    async def onJoin(self, details):
        self.websocket = self._transport  # gone from the session by the time it disconnects
        self.websocket.maxMessagePayloadSize = 0  # the runner's own limit (1 MiB) would refuse to send
        try:
            await self.call("java.big", bytes(int(NAME)))
            out("RESULT", "the call went through")
        except Exception as e:
            out("CALL_FAILED", str(e))

    def onDisconnect(self):
        out("CLOSED", {"code": self.websocket.remoteCloseCode, "reason": self.websocket.remoteCloseReason})
        asyncio.get_event_loop().stop()


class Login(ApplicationSession):
    def onConnect(self):
        authid = NAME.split(":", 1)[0]
        self.join(REALM, [ROLE], authid)

    def onChallenge(self, challenge):
        secret = NAME.split(":", 1)[1]
        if challenge.method == "ticket":
            return secret
        if "salt" in challenge.extra:
            secret = auth.derive_key(secret, challenge.extra["salt"], challenge.extra["iterations"],
                                     challenge.extra["keylen"])
        return auth.compute_wcs(secret, challenge.extra["challenge"])

    async def onJoin(self, details):
        out("WELCOME", {"authid": details.authid, "authrole": details.authrole, "authmethod": details.authmethod})
        self.leave()

    def onLeave(self, details):
        if details.reason not in ("wamp.close.normal", "wamp.close.goodbye_and_out"):
            out("ABORT", details.reason)
        self.disconnect()

    def onDisconnect(self):
        asyncio.get_event_loop().stop()


serializer = JsonSerializer() if SERIALIZER == "json" else MsgPackSerializer()
runner = ApplicationRunner(URL, REALM, serializers=[serializer])
runner.run({"callee": Callee, "caller": Caller, "toobig": TooBig}.get(ROLE, Login))
