-- wrk script of the bench (bench/wrk.py): each thread, with one connection, plays its plan file
-- (args[1] .. "." .. thread number; lines: kind, path, cookie, post path, post body, separated
-- by tabs) in a loop and logs every response to args[2] .. "." .. thread number: kind, status,
-- milliseconds, X-Cache header. A line with a post path is a write, as a browser does it: GET
-- the page, read the CSRF token of its form, POST the form (kind ":post"; status 0 when the page
-- had no form to post).
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long sec; long nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *ts);
]])
local clock = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.sec) * 1000 + tonumber(clock.nsec) / 1e6
end

local threads = 0
function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

local plan, position, posting, token, log, started, current = {}, 1, false, "", nil, 0, nil

function init(args)
  for line in io.lines(args[1] .. "." .. number) do
    local fields = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      fields[#fields + 1] = field
    end
    plan[#plan + 1] = fields
  end
  log = io.open(args[2] .. "." .. number, "w")
  log:setvbuf("line")
end

local function build()
  local step = plan[position]
  local headers = {}
  if step[3] ~= "" then
    headers["Cookie"] = step[3]
  end
  if posting then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", step[4], headers, step[5] .. "&csrfmiddlewaretoken=" .. token)
  end
  return wrk.format("GET", step[2], headers)
end

-- Also called once by wrk before the run to check the request: the step only moves on when
-- its response arrives, so that call costs nothing.
function request()
  if not current then
    current = build()
  end
  started = now()
  return current
end

local function record(kind, status, elapsed, cache)
  log:write(kind, "\t", status, "\t", string.format("%.3f", elapsed), "\t", cache, "\n")
end

function response(status, headers, body)
  local step = plan[position]
  local cache = headers["X-Cache"] or headers["x-cache"] or ""
  record(posting and step[1] .. ":post" or step[1], status, now() - started, cache)
  current = nil
  if not posting and step[4] ~= "" then
    token = status == 200 and body:match('name="csrfmiddlewaretoken" value="(%w+)"')
    if token then
      posting = true
      return
    end
    record(step[1] .. ":post", 0, 0, "")
  end
  posting = false
  position = position % #plan + 1
end
