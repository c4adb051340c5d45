-- POST /api/v1/cases with a valid report in the demo street. Each request moves the pin a little so the rows differ.
-- Optional rate control: WRK_RATE (requests per second in total) and WRK_CONNECTIONS turn into a per-connection delay.
local counter = 0
local rate = tonumber(os.getenv("WRK_RATE") or "0")
local connections = tonumber(os.getenv("WRK_CONNECTIONS") or "64")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local lat = 29.5300 + (counter % 97) * 0.00001
  local body = string.format(
    '{"category":"water-leak","description":"路面冒水 bench %d","latitude":%.6f,"longitude":106.5045,' ..
    '"attributes":{"where":"street"},"name":"bench","email":"bench@example.org"}', counter, lat)
  return wrk.format(nil, nil, nil, body)
end

delay = function()
  if rate > 0 then
    return math.floor(1000 * connections / rate)
  end
  return 0
end
