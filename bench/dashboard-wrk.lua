local nodes = {"220100", "220102", "220102001", "220102001001", "220102001001001", "220103", "220103001", "220102001002"}
local periods = {"this-month", "last-month", "last-90-days"}
local froms = {"", "&from=2026-10-01&to=2026-11-01", "&from=2026-08-27"}
local n = 0
request = function()
  n = n + 1
  local node = nodes[(n % #nodes) + 1]
  local i = (math.floor(n / #nodes) % 3) + 1
  local kind = n % 3
  local path
  if kind == 0 then
    path = "/api/v1/rates?node=" .. node .. froms[i]
  elseif kind == 1 then
    path = "/api/v1/rates/children?node=" .. node .. froms[i]
  else
    path = "/dashboard/" .. node .. "?period=" .. periods[i]
  end
  return wrk.format("GET", path)
end
