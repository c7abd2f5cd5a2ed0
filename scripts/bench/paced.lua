-- wrk: runs the script named by WRK_SCRIPT, with each connection waiting DELAY_MS between requests, so that the
-- offered rate is about connections * 1000 / DELAY_MS per second (latency at a fixed fraction of the peak rate).
dofile(os.getenv("WRK_SCRIPT"))
local delay_ms = tonumber(os.getenv("DELAY_MS") or "10")
function delay()
  return delay_ms
end
