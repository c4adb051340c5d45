-- POST /open311/v2/requests.json (form-encoded, as the GeoReport v2 specification says).
local counter = 0
local rate = tonumber(os.getenv("WRK_RATE") or "0")
local connections = tonumber(os.getenv("WRK_CONNECTIONS") or "64")
local key = os.getenv("OPEN311_KEY") or "bench-key-0123456789"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

request = function()
  counter = counter + 1
  local lat = 29.5300 + (counter % 97) * 0.00001
  local body = string.format(
    "api_key=%s&service_code=water-leak&lat=%.6f&long=106.5045&description=bench+%d&attribute%%5Bwhere%%5D=street&email=bench%%40example.org",
    key, lat, counter)
  return wrk.format(nil, nil, nil, body)
end

delay = function()
  if rate > 0 then
    return math.floor(1000 * connections / rate)
  end
  return 0
end
