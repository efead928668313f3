"""autobahn-python caller for bench/wamp: calls bench.echo (small) or bench.sink (binary) against the
router, with CONCURRENCY calls in flight in one session, for SECONDS after a short warm-up, and
prints one JSON line: {"calls": n, "seconds": s, "p50_us": x, "p99_us": y, "bytes": b}.

usage: autobahn_bench.py URL json|msgpack small|binary CONCURRENCY SECONDS
"""
import asyncio
import json
import sys
import time

from autobahn.asyncio.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp.serializer import JsonSerializer, MsgPackSerializer

URL, SERIALIZER, KIND, CONCURRENCY, SECONDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
PAYLOAD = b"\x00" * 65536 if KIND == "binary" else "x"
PROCEDURE = "bench.sink" if KIND == "binary" else "bench.echo"


class Bench(ApplicationSession):
    async def onJoin(self, details):
        latencies = []
        state = {"measuring": False, "stop": False}

        async def loop():
            while not state["stop"]:
                t0 = time.perf_counter()
                await self.call(PROCEDURE, PAYLOAD)
                if state["measuring"]:
                    latencies.append(time.perf_counter() - t0)

        tasks = [asyncio.ensure_future(loop()) for _ in range(CONCURRENCY)]
        await asyncio.sleep(0.5)
        state["measuring"] = True
        start = time.perf_counter()
        await asyncio.sleep(SECONDS)
        state["stop"] = True
        elapsed = time.perf_counter() - start
        await asyncio.gather(*tasks)
        latencies.sort()
        n = len(latencies)
        print(json.dumps({"calls": n, "seconds": elapsed,
                          "p50_us": latencies[n // 2] * 1e6 if n else 0,
                          "p99_us": latencies[min(n - 1, n * 99 // 100)] * 1e6 if n else 0,
                          "bytes": n * (len(PAYLOAD) if KIND == "binary" else 0)}), flush=True)
        self.leave()

    def onDisconnect(self):
        asyncio.get_event_loop().stop()


ApplicationRunner(URL, "realm1", serializers=[JsonSerializer() if SERIALIZER == "json" else MsgPackSerializer()]).run(Bench)
