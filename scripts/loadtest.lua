-- wrk script for scripts/loadtest.sh: GET /api/events with a rotating set of realistic
-- filters (country + date range, min fatalities, box, actor, sorted pages), and a summary
-- that counts every answer that is not 200.
local countries = {"NG", "SY", "AF", "IQ", "SO", "ML", "YE", "CD", "PK", "LY"}
local queries = {}
for i, c in ipairs(countries) do
  local y = 2015 + (i % 10)
  table.insert(queries, string.format("/api/events?country=%s&from=%d-01-01&to=%d-12-31&limit=100", c, y, y))
  table.insert(queries, string.format("/api/events?country=%s&sort=-fatalities&limit=50", c))
end
table.insert(queries, "/api/events?min_fatalities=50&limit=100")
table.insert(queries, "/api/events?bbox=0,0,20,20&sort=-fatalities&limit=100")
table.insert(queries, "/api/events?actor=military%20forces&from=2020-01-01&to=2020-12-31&limit=100")
table.insert(queries, "/api/events?type=Battles&from=2019-06-01&to=2019-06-30&limit=100")
table.insert(queries, "/api/events?sort=-date&limit=100")

local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "loadtest: %d requests in %.1f s: %.0f requests/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d (non-2xx %d)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    errors, summary.errors.status))
end
