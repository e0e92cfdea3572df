-- wrk script for signed-in pages: keeps the session cookie up to date as a browser does, then prints the 95th
-- percentile latency like p95.lua. Identity re-checks a session every minute (SecurityStampValidator) and re-issues the
-- cookie; a client that keeps sending the old cookie makes every later request repeat that check (several queries and
-- a new cookie each time), which no browser does. Each wrk thread keeps its own cookies.
local cookies = {}

init = function(args)
  for name, value in string.gmatch(wrk.headers["Cookie"] or "", "([^=;%s]+)=([^;]*)") do
    cookies[name] = value
  end
end

request = function()
  local parts = {}
  for name, value in pairs(cookies) do
    parts[#parts + 1] = name .. "=" .. value
  end
  table.sort(parts)
  wrk.headers["Cookie"] = table.concat(parts, "; ")
  return wrk.format()
end

response = function(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local name, value = string.match(set, "^%s*([^=;%s]+)=([^;]*)")
    if name then
      cookies[name] = value
    end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("p95-us: %d\n", latency:percentile(95)))
end
