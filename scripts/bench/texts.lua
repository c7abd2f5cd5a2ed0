-- The comment texts the wrk scripts send: clean and dirty mixed, innocent look-alikes included.
return {
  "Thanks for this article, it explains the budget debate very clearly.",
  "I disagree with the author: the numbers on page two do not add up at all.",
  "What a load of sh!t, the council should be ashamed of itself.",
  "You are a complete moron if you believe any of this.",
  "The assassin in Scunthorpe ordered a cocktail; the therapist from Sussex did not.",
  "Great reporting. My grandmother lived on that street for forty years and remembers the flood.",
}
