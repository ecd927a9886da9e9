-- wrk script for tools/bench/commands: each request registers a new place (POST /api/actors) with a fresh
-- Idempotency-Key; the token comes from the environment (TOKEN). Prints the status codes seen at the end.
local counter = 0
local statuses = {}
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

request = function()
  counter = counter + 1
  local body = '{"name":"Cyber-base ' .. id .. '-' .. counter .. '","pivot":"21972013500017",' ..
    '"address":"12 rue Schoelcher","commune":{"name":"Le Lamentin","inseeCode":"97213","postcode":"97232"},' ..
    '"phone":"0596 51 00 00","services":["Aide aux démarches administratives"],"openingHours":"Mo-Fr 08:00-12:00"}'
  local headers = {
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "wrk-" .. os.time() .. "-" .. id .. "-" .. counter
  }
  return wrk.format("POST", nil, headers, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("%.0f/s; latency p50 %.1f ms, p99 %.1f ms; errors %d; non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
