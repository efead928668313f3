#!/usr/bin/python3
"""A pipes stage written with autobahn-python, following docs/protocol.md: upper-cases ASCII.

Started by a runtime with PIPES_ROUTER, PIPES_REALM, PIPES_STAGE, PIPES_AUTHID and PIPES_TICKET in
its environment; joins with ticket authentication, registers
the stage's run and input procedures, says it is ready, and serves run calls until it is stopped.

It serves no endpoint (its input comes through the central router). As a writer it speaks protocol 1
(everything through the central router) unless UPPER_STAGE_DIRECT=1: then it writes its output
straight to the reader's endpoint when the run call names one (output_endpoints), over one
connection per endpoint that it keeps for later runs.
"""
import asyncio
import os
import sys
from urllib.parse import urlparse

from autobahn.asyncio.wamp import ApplicationRunner, ApplicationSession
from autobahn.asyncio.websocket import WampWebSocketClientFactory
from autobahn.wamp.exception import ApplicationError
from autobahn.wamp.serializer import MsgPackSerializer
from autobahn.wamp.types import CallResult, ComponentConfig

WINDOW = 8
STAGE = os.environ["PIPES_STAGE"]
REALM = os.environ.get("PIPES_REALM", "pipes")
AUTHID = os.environ.get("PIPES_AUTHID", "pipes")
DIRECT = os.environ.get("UPPER_STAGE_DIRECT") == "1"


class EndpointSession(ApplicationSession):
    """A session on a reader's endpoint: joined with the same ticket as the central router."""

    def __init__(self, config, joined):
        super().__init__(config)
        self.joined = joined

    def onConnect(self):
        self.join(REALM, authmethods=["ticket"], authid=AUTHID)

    def onChallenge(self, challenge):
        return os.environ["PIPES_TICKET"]

    def onJoin(self, details):
        if not self.joined.done():
            self.joined.set_result(self)


ENDPOINTS = {}  # url -> joined session, reused for every stream written there


async def endpoint_session(urls):
    """The session of the first ws:// endpoint that can be reached, or None (then: the central router)."""
    for url in urls or []:
        if not url.startswith("ws://"):
            continue
        session = ENDPOINTS.get(url)
        if session is not None and session.is_attached():
            return session
        loop = asyncio.get_running_loop()
        joined = loop.create_future()
        factory = WampWebSocketClientFactory(lambda: EndpointSession(ComponentConfig(REALM), joined), url=url,
                                             serializers=[MsgPackSerializer()])
        where = urlparse(url)
        try:
            await loop.create_connection(factory, where.hostname, where.port)
            ENDPOINTS[url] = await asyncio.wait_for(joined, 10)
            return ENDPOINTS[url]
        except (OSError, asyncio.TimeoutError) as e:
            print("cannot reach the endpoint %s: %s" % (url, e), file=sys.stderr)
    return None


class Input:
    """The stage's input stream: data calls wait in a queue (at most a window of them) until taken."""

    def __init__(self):
        self.queue = asyncio.Queue()
        self.expected = 0

    async def data_call(self, seq, data, eof=False):
        if seq != self.expected:
            raise ApplicationError("pipes.error.out_of_order", "expected seq %d, got %d" % (self.expected, seq))
        self.expected = 0 if eof else seq + 1
        taken = asyncio.get_running_loop().create_future()
        await self.queue.put((bytes(data), eof, taken))
        await taken  # answered only once the chunk is passed on: that is the flow control


class Output:
    """Writes one stream to a reader's procedure with at most WINDOW calls unanswered."""

    def __init__(self, session, procedure):
        self.session, self.procedure = session, procedure
        self.window = asyncio.Semaphore(WINDOW)
        self.seq = 0
        self.pending = set()
        self.failure = None

    async def write(self, data, eof=False):
        if self.failure:
            raise self.failure
        await self.window.acquire()
        seq, self.seq = self.seq, self.seq + 1
        call = self.session.call(self.procedure, seq, data, eof=True) if eof else self.session.call(self.procedure, seq, data)
        task = asyncio.ensure_future(call)
        self.pending.add(task)
        task.add_done_callback(self._answered)

    def _answered(self, task):
        self.pending.discard(task)
        self.window.release()
        if not task.cancelled() and task.exception() is not None and self.failure is None:
            self.failure = task.exception()

    async def finish(self):
        await self.write(b"", eof=True)
        while self.pending:
            await asyncio.wait(set(self.pending))
        if self.failure:
            raise self.failure


class UpperStage(ApplicationSession):
    """Registers the stage's procedures, then serves one run call at a time."""

    def onConnect(self):
        # the embedded router only lets in parties that know its ticket
        self.join(self.config.realm, authmethods=["ticket"], authid=os.environ.get("PIPES_AUTHID", "pipes"))

    def onChallenge(self, challenge):
        return os.environ["PIPES_TICKET"]

    async def onJoin(self, details):
        stage_input = Input()

        async def run_stage(argv=None, input="stdin", output=None, stderr=None, cwd=None, env=None,
                            output_endpoints=None, **extra):
            writer = self
            if DIRECT and output:
                writer = await endpoint_session(output_endpoints) or self
            out = Output(writer, output) if output else None
            while True:
                data, eof, taken = await stage_input.queue.get()
                try:
                    if out and data:
                        await out.write(data.upper())
                finally:
                    taken.set_result(None)
                if eof:
                    break
            if out:
                await out.finish()
            return CallResult(0, status=0)

        await self.register(stage_input.data_call, "pipes.stage.%s.in" % STAGE)
        await self.register(run_stage, "pipes.stage.%s.run" % STAGE)
        await self.call("pipes.runtime.ready", STAGE)
        print("stage %s ready" % STAGE, file=sys.stderr)

    def onDisconnect(self):
        asyncio.get_event_loop().stop()


if __name__ == "__main__":
    runner = ApplicationRunner(os.environ["PIPES_ROUTER"], os.environ.get("PIPES_REALM", "pipes"),
                               serializers=[MsgPackSerializer()])
    runner.run(UpperStage, log_level="warn")
