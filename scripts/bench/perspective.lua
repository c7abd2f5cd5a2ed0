-- wrk: POST /v1alpha1/comments:analyze exactly as Coral's toxicity phase sends it, clean and dirty texts mixed.
-- The site API key comes from the environment: PERSPECTIVE_KEY=mk_... wrk -s scripts/bench/perspective.lua URL
local texts = {
  "Thanks for this article, it explains the budget debate very clearly.",
  "I disagree with the author: the numbers on page two do not add up at all.",
  "What a load of sh!t, the council should be ashamed of itself.",
  "You are a complete moron if you believe any of this.",
  "The assassin in Scunthorpe ordered a cocktail; the therapist from Sussex did not.",
  "Great reporting. My grandmother lived on that street for forty years and remembers the flood.",
}
local bodies = {}
for i, t in ipairs(texts) do
  bodies[i] = '{"comment":{"text":"' .. t .. '"},"doNotStore":true,"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}'
end
local path = "/v1alpha1/comments:analyze?key=" .. os.getenv("PERSPECTIVE_KEY")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, path, nil, bodies[(n % #bodies) + 1])
end
