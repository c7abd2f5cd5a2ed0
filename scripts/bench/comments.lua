-- wrk: POST /api/v1/comments, each request a new comment (no idempotency key), mixed verdicts.
local texts = dofile("scripts/bench/texts.lua")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = '{"articleId":"bench-' .. (n % 50) .. '","authorId":"reader-' .. (n % 997) ..
      '","authorName":"Bench Reader","body":"' .. texts[(n % #texts) + 1] .. '"}'
  return wrk.format(nil, "/api/v1/comments", nil, body)
end
