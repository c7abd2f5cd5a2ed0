-- wrk: POST /api/v1/check with a realistic mix of clean and dirty comments.
local texts = {
  "Thanks for this article, it explains the budget debate very clearly.",
  "I disagree with the author: the numbers on page two do not add up at all.",
  "What a load of sh!t, the council should be ashamed of itself.",
  "You are a complete moron if you believe any of this.",
  "The assassin in Scunthorpe ordered a cocktail; the therapist from Sussex did not.",
  "Great reporting. My grandmother lived on that street for forty years and remembers the flood.",
}
local bodies = {}
for i, t in ipairs(texts) do bodies[i] = '{"text":"' .. t .. '"}' end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, "/api/v1/check", nil, bodies[(n % #bodies) + 1])
end
