-- wrk script for tools/bench/redemptions: each request redeems the next pass of this thread's share of CODES (a file
-- of codes, one a line), lines FROM to FROM + COUNT - 1, at ACTOR with the mediator's TOKEN (all from the
-- environment). A connection with nothing left to send waits, and a thread stops once its share is answered; wrk
-- itself runs until its duration or a SIGINT (tools/bench/redemptions sends one once every thread has created its
-- file DONE.<thread>, or once the store stops growing: a request wrk sends again after a reconnection skips a code,
-- so its thread never gets all its answers). The rate is timed here, from the first request to the last answer.
-- Prints redemptions/s, latency and the statuses seen.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } hub_timeval;
  int gettimeofday(hub_timeval *tv, void *tz);
]]
local function now_us()
  local tv = ffi.new("hub_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1e6 + tonumber(tv.tv_usec)
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  local from, count = tonumber(os.getenv("FROM")), tonumber(os.getenv("COUNT"))
  local line_no, n = 0, 0
  for line in io.lines(os.getenv("CODES")) do
    line_no = line_no + 1
    if line_no >= from and line_no < from + count then
      if (line_no - from) % tonumber(os.getenv("THREADS")) == id then table.insert(codes, line) end
    end
  end
  sent, answered, statuses, first, last = 0, 0, {}, 0, 0
  headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json" }
  actor = os.getenv("ACTOR")
end

delay = function()
  return sent >= #codes and 600000 or 0
end

request = function()
  sent = sent + 1
  if sent == 1 then first = now_us() end
  if sent > #codes then return wrk.format("GET", "/q/health/live") end -- not sent: delayed past the run's end
  return wrk.format("POST", nil, headers, '{"code":"' .. codes[sent] .. '","actorId":"' .. actor .. '"}')
end

response = function(status, hdrs, body)
  if status == 200 then return end -- a health probe's (a redemption answers 201 or a problem)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  last = now_us()
  if answered == #codes then
    io.open(os.getenv("DONE") .. "." .. id, "w"):close() -- tells the script this share is answered
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local n, seen, from, to = 0, {}, math.huge, 0
  for _, thread in ipairs(threads) do
    n = n + thread:get("answered")
    from = math.min(from, thread:get("first"))
    to = math.max(to, thread:get("last"))
    for status, count in pairs(thread:get("statuses")) do seen[status] = (seen[status] or 0) + count end
  end
  local list = {}
  for status, count in pairs(seen) do table.insert(list, status .. "=" .. count) end
  table.sort(list)
  local e = summary.errors
  io.write(string.format("%d in %.1f s: %.0f/s; latency p50 %.1f ms, p99 %.1f ms; statuses {%s}; errors %d\n",
    n, (to - from) / 1e6, n / ((to - from) / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, table.concat(list, ", "), e.connect + e.read + e.write + e.timeout))
end
