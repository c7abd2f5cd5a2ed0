-- wrk: POST /api/v1/comments, each request a new comment (no idempotency key), mixed verdicts.
local texts = {
  "Thanks for this article, it explains the budget debate very clearly.",
  "I disagree with the author: the numbers on page two do not add up at all.",
  "What a load of sh!t, the council should be ashamed of itself.",
  "You are a complete moron if you believe any of this.",
  "The assassin in Scunthorpe ordered a cocktail; the therapist from Sussex did not.",
  "Great reporting. My grandmother lived on that street for forty years and remembers the flood.",
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = '{"articleId":"bench-' .. (n % 50) .. '","authorId":"reader-' .. (n % 997) ..
      '","authorName":"Bench Reader","body":"' .. texts[(n % #texts) + 1] .. '"}'
  return wrk.format(nil, "/api/v1/comments", nil, body)
end
