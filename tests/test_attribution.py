"""The attribution stage on hand-written sentences: kind, source, cue, content and stance.

The sentences are our own. Each row is text → the attribution expected in it; content pieces of a
split quote are joined with " | ". Stance is read from the stage's own output (the claims stage,
which refines stance later, is switched off here).
"""
from __future__ import annotations

import time

import pytest

from claimtrail.nlp import attribution
from claimtrail.nlp.quotes import find_quotes
from claimtrail.nlp.state import Analysis, TimexHit


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from claimtrail.nlp.pipeline import Pipeline
    return Pipeline().nlp


def hits(nlp, text: str):  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=["claimtrail_claims"]):
        doc = nlp(text)
    ct = doc._.ct
    assert not [f for f in ct.flags if f.code == "stage-error" and f.message.startswith("attribution")], ct.flags
    return doc, ct


def describe(text: str, h) -> tuple[str, str | None, str, str, str]:  # type: ignore[no-untyped-def]
    return (h.kind, text[h.source[0]:h.source[1]] if h.source else None, text[h.cue[0]:h.cue[1]],
            " | ".join(text[s:e] for s, e in h.content), h.stance)


CASES = [
    # direct quotes, straight and curly, cue after, before, inverted, split around the cue
    ("“We will rebuild the bridge by spring,” said Mayor Dana Whitfield.",
     ("direct", "Mayor Dana Whitfield", "said", "“We will rebuild the bridge by spring,”", "assert")),
    ('"I never saw the letter," Moreno said.',
     ("direct", "Moreno", "said", '"I never saw the letter,"', "assert")),
    ("“This is not over,” Patel wrote on Twitter.",
     ("direct", "Patel", "wrote", "“This is not over,”", "assert")),
    ("“The budget is fine,” she said, “but the schools need more.”",
     ("direct", "she", "said", "“The budget is fine,” | “but the schools need more.”", "assert")),
    ("“The talks are over,” the minister said. “We are going home.”",
     ("direct", "the minister", "said", "“The talks are over,” | “We are going home.”", "assert")),
    ("“We are not done,” the coach said at a news conference on Sunday. “Next year we come back.”",
     ("direct", "the coach", "said", "“We are not done,” | “Next year we come back.”", "assert")),
    ("Spokeswoman Elena Ruiz said: “The plant will stay open.”",
     ("direct", "Spokeswoman Elena Ruiz", "said", "“The plant will stay open.”", "assert")),
    ("“We have nothing to hide,” the spokesman said. The inquiry continues.",
     ("direct", "the spokesman", "said", "“We have nothing to hide,”", "assert")),
    # an inverted cue whose name the parser hung on what follows ("…, half joking") keeps the quote
    ("The plant closed.\n\n''I'm more skilled with my hands than with my brain,'' said Robin Maynard, half joking.",
     ("direct", "Robin Maynard", "said", "''I'm more skilled with my hands than with my brain,''", "assert")),
    # a subject the parser found inside the quote is none: the speaker is beside the cue
    ("''That, unfortunately,'' he said, ''is part of the reality of today's life on a global basis.''",
     ("direct", "he", "said", "''That, unfortunately,'' | ''is part of the reality of today's life on a global basis.''",
      "assert")),
    # a quote with a verb outside the lexicon still goes to that verb and its subject
    ("“Get off my lawn,” Okafor barked.",
     ("direct", "Okafor", "barked", "“Get off my lawn,”", "assert")),
    # indirect speech
    ("The senator told reporters that the bill would pass next week.",
     ("indirect", "The senator", "told", "that the bill would pass next week", "assert")),
    ("Officials said the summit would go ahead as planned.",
     ("indirect", "Officials", "said", "the summit would go ahead as planned", "assert")),
    ("The summit will go ahead as planned, the foreign minister said.",
     ("indirect", "the foreign minister", "said", "The summit will go ahead as planned", "assert")),
    ("The vote, officials said, has been postponed until Friday.",
     ("indirect", "officials", "said", "The vote | has been postponed until Friday", "assert")),
    ("According to the police report, the driver was not injured.",
     ("indirect", "the police report", "According to", "the driver was not injured", "assert")),
    ("The chief executive announced on Tuesday that the firm would move to Denver.",
     ("indirect", "The chief executive", "announced", "that the firm would move to Denver", "assert")),
    ("Critics argue that the scheme rewards the wealthy.",
     ("indirect", "Critics", "argue", "that the scheme rewards the wealthy", "assert")),
    # stances from the cue, and negation
    ("The company confirmed that it had laid off 200 workers.",
     ("indirect", "The company", "confirmed", "that it had laid off 200 workers", "confirm")),
    ("The ministry denied that any soldiers had crossed the border.",
     ("indirect", "The ministry", "denied", "that any soldiers had crossed the border", "deny")),
    ("The analyst speculated that prices would fall again.",
     ("indirect", "The analyst", "speculated", "that prices would fall again", "speculate")),
    ("He asked whether the tax would apply to renters.",
     ("indirect", "He", "asked", "whether the tax would apply to renters", "question")),
    ("Harlan did not deny that he had met the lobbyist.",
     ("indirect", "Harlan", "deny", "that he had met the lobbyist", "decline")),
    # refusals
    ("The coach would not comment on whether the striker would play.",
     ("indirect", "The coach", "comment on", "whether the striker would play", "decline")),
    ("The bank declined to give details of the settlement.",
     ("indirect", "The bank", "declined", "to give details of the settlement", "decline")),
    # beliefs and wishes (reported states of mind count as attributions)
    ("She believes the new rules will hurt small farmers.",
     ("indirect", "She", "believes", "the new rules will hurt small farmers", "speculate")),
    ("The union wants a pay rise of five percent.",
     ("indirect", "The union", "wants", "a pay rise of five percent", "assert")),
    ("The teachers' union criticized the plan to close rural schools.",
     ("indirect", "The teachers' union", "criticized", "the plan to close rural schools", "assert")),
    # mixed: indirect speech with a quoted fragment
    ("The governor was “taking a well-earned rest” after the campaign, his aide said.",
     ("mixed", "his aide", "said", "The governor was “taking a well-earned rest” after the campaign", "assert")),
    # group and anonymous sources
    ("Western diplomats said the ceasefire was unlikely to hold.",
     ("indirect", "Western diplomats", "said", "the ceasefire was unlikely to hold", "assert")),
    ("Several social media accounts claimed that the mayor had resigned.",
     ("indirect", "Several social media accounts", "claimed", "that the mayor had resigned", "assert")),
    ("Local media reports said the fire started in a kitchen.",
     ("indirect", "Local media reports", "said", "the fire started in a kitchen", "assert")),
    ("The factory will close in March, according to two people familiar with the matter.",
     ("indirect", "two people familiar with the matter", "according to", "The factory will close in March",
      "assert")),
    # a noun as the cue
    ("Her insistence that the vote was rigged drew a sharp rebuke.",
     ("indirect", "Her", "insistence", "that the vote was rigged", "assert")),
    # a multi-word cue closed by its preposition: the preposition's object is the content
    ("Warren has called for higher taxes on hedge funds.",
     ("indirect", "Warren", "called for", "higher taxes on hedge funds", "assert")),
    ("The union spoke out against the new contract.",
     ("indirect", "The union", "spoke out against", "the new contract", "assert")),
    # a trailing when or where is not part of what was said or backed
    ("The governor announced her candidacy in April.",
     ("indirect", "The governor", "announced", "her candidacy", "assert")),
    # a sentence-opening "To X," names whose view the sentence is
    ("To many, the old mayor is still a hero.",
     ("indirect", "many", "To", "the old mayor is still a hero", "assert")),
    # the object's appositive is the writer's gloss, not what was denounced
    ("Protesters denounced Comey, a former prosecutor.",
     ("indirect", "Protesters", "denounced", "Comey", "assert")),
    # thanking: the ones thanked and what for are the content
    ("The mayor thanked the volunteers for their work.",
     ("indirect", "The mayor", "thanked", "the volunteers for their work", "assert")),
    # a relative clause on the source stays with it, short or long (readers take it as part of who
    # is speaking); a participle aside is cut
    ("Senator Maria Lopez of New Mexico, who chairs it, said the vote was fair.",
     ("indirect", "Senator Maria Lopez of New Mexico, who chairs it", "said", "the vote was fair", "assert")),
    ("Lee, who has chaired the finance panel since 2019, said the vote was fair.",
     ("indirect", "Lee, who has chaired the finance panel since 2019", "said", "the vote was fair", "assert")),
    # refusals: the to-infinitive is what was declined, the verb alone is the cue
    ("The mayor declined to comment.",
     ("indirect", "The mayor", "declined", "to comment", "decline")),
    ("A spokesman for the bank declined to comment on the ruling.",
     ("indirect", "A spokesman for the bank", "declined", "to comment on the ruling", "decline")),
    # a bare noun with a 'that' clause joins the cue; a definite one is part of the content
    ("The senator expressed concern that the bill would raise rents.",
     ("indirect", "The senator", "expressed concern", "that the bill would raise rents", "assert")),
    ("The chef showed no sign that the kitchen would reopen soon.",
     ("indirect", "The chef", "showed no sign", "that the kitchen would reopen soon", "assert")),
    ("Okoro dismissed the idea that her shop sold fakes.",
     ("indirect", "Okoro", "dismissed", "the idea that her shop sold fakes", "deny")),
    # a trailing gloss on what was said is the writer's: ", a charge that …", "— a move that …"
    ("The baker complained that the flour was stale, a claim the mill disputes.",
     ("indirect", "The baker", "complained", "that the flour was stale", "assert")),
    ("Most tenants support painting the stairwell — a job that would take a week.",
     ("indirect", "Most tenants", "support", "painting the stairwell", "assert")),
    # ", who …" ending the content is an aside on the person named last
    ("The coach said the team would be led by Marta Diaz, who joined the club in 2019.",
     ("indirect", "The coach", "said", "the team would be led by Marta Diaz", "assert")),
    # a when or why clause after an object or infinitive is not part of it
    ("The referee refused to take questions as he walked off the pitch.",
     ("indirect", "The referee", "refused", "to take questions", "decline")),
    ("The council opposed the plan because it cost too much.",
     ("indirect", "The council", "opposed", "the plan", "assert")),
    # the one called something belongs to what was said
    ("Ferrante called the new stadium “a waste of money.”",
     ("mixed", "Ferrante", "called", "the new stadium “a waste of money.”", "assert")),
    # the cue's sentence ends before the quote: 'said in a statement. “…”'
    ("The mayor said in a statement. “We will rebuild the bridge.”",
     ("direct", "The mayor", "said", "“We will rebuild the bridge.”", "assert")),
    # a short quoted title between the cue and the next quote does not stop the speaker's turn
    ("“We lost,” Adeyemi said on the radio show “Morning Call.” “The voters have spoken.”",
     ("direct", "Adeyemi", "said", "“We lost,” | “The voters have spoken.”", "assert")),
    # a participle with an object before its quote: 'telling the station: “…”'
    ("Delgado praised the orchestra warmly, telling the newsletter: “They played like angels tonight.”",
     ("direct", "Delgado", "telling", "“They played like angels tonight.”", "assert")),
    # a sentence-opening poll phrase: the poll is the source of the clause
    ("In a new statewide poll, the governor leads her rival by nine points.",
     ("indirect", "a new statewide poll", "In", "the governor leads her rival by nine points", "assert")),
    # a second sayer after "while" ends the first one's words
    ("Some neighbours said the new bakery smelled wonderful, while others said the queue was a nuisance.",
     ("indirect", "Some neighbours", "said", "the new bakery smelled wonderful", "assert")),
    # a relative clause whose subject said something of the noun it hangs on
    ("Shares rose after a merger that the union has criticized.",
     ("indirect", "the union", "criticized", "a merger", "assert")),
    # a quote later in the speaker's paragraph, nobody else speaking in between, is more of the same
    ("“We won,” said Lee Harmon, who has coached the team since the club was founded in 1998, in a long "
     "interview after the final on Sunday evening. “Nobody expected this from a team this young.”",
     ("direct", "Lee Harmon, who has coached the team since the club was founded in 1998", "said",
      "“We won,” | “Nobody expected this from a team this young.”", "assert")),
    # a trailing participle interrupts nothing: the quote stays with "said"
    ('"The deal is a disaster," Marsh said in August, referring to the trade pact.',
     ("direct", "Marsh", "said", '"The deal is a disaster,"', "assert")),
    ('"The deal is a disaster," Marsh said in August, referring to the trade pact.',
     ("indirect", "Marsh", "referring to", "the trade pact", "assert")),
    # a participle between the pieces of a split quote keeps its own words and leaves the pieces whole
    ("“The soup was cold,” Bauer said at the café, referring to the lunch menu. “Nobody wanted seconds.”",
     ("direct", "Bauer", "said", "“The soup was cold,” | “Nobody wanted seconds.”", "assert")),
    ("“The soup was cold,” Bauer said at the café, referring to the lunch menu. “Nobody wanted seconds.”",
     ("indirect", "Bauer", "referring to", "the lunch menu", "assert")),
    # a noun cue with a to-infinitive, and one equated with a clause by "was"
    ("Her decision to resign surprised the board.",
     ("indirect", "Her", "decision", "to resign", "assert")),
    ("Her warning was that the bridge would not hold.",
     ("indirect", "Her", "warning was", "that the bridge would not hold", "assert")),
    # a feeling aired about something: the feeling joins the cue
    ("The mayor expressed frustration over the delays at the port.",
     ("indirect", "The mayor", "expressed frustration over", "the delays at the port", "assert")),
    # a quoted show title is where something was said, not what
    ("On Sunday on the station’s “Morning Call,” Mayor Dana Ruiz said the plan would go ahead.",
     ("indirect", "Mayor Dana Ruiz", "said", "the plan would go ahead", "assert")),
    # "As X noted, …": the main clause is what was noted
    ("As the harbour master noted, the ferry will run late if the fog stays.",
     ("indirect", "the harbour master", "noted", "the ferry will run late if the fog stays", "assert")),
    # a believer seeing something as something
    ("Many investors see the merger as a sign of weakness.",
     ("indirect", "Many investors", "see", "the merger as a sign of weakness", "assert")),
    # ... but an anonymity aside is the writer's, not part of who speaks
    ("One diplomat, who asked not to be named because she was not cleared to speak, said the talks had stalled.",
     ("indirect", "One diplomat", "said", "the talks had stalled", "assert")),
    # an object followed by a quote: the object is what was rejected, the quote goes to its own cue
    ("Mayor Ruiz has rejected criticism of the budget — “the figures were audited twice,” she wrote online.",
     ("indirect", "Mayor Ruiz", "rejected", "criticism of the budget", "deny")),
    ("Mayor Ruiz has rejected criticism of the budget — “the figures were audited twice,” she wrote online.",
     ("direct", "she", "wrote", "“the figures were audited twice,”", "assert")),
    # "Asked about X, the mayor …": the mayor was asked; the asker is not named
    ("Asked about the delay, the mayor blamed the weather.",
     ("indirect", None, "Asked about", "the delay", "assert")),
    # a second clause with its own subject, joined by "and", goes on with what was noted
    ("Officials noted the rifle was returned to him recently and it still bears a case number on its stock.",
     ("indirect", "Officials", "noted",
      "the rifle was returned to him recently and it still bears a case number on its stock", "assert")),
    # a hyphenated Korean given name stays whole in the source
    ("President Moon Jae-in had hoped to sign the agreement in Hanoi next month.",
     ("indirect", "President Moon Jae-in", "hoped", "to sign the agreement in Hanoi next month", "assert")),
    # a trailing ", NP reported" the small model parses as an object with a participle on it
    ("The harbour minister offered to resign last week after his office released figures that overstated "
     "freight volumes by a third, two newspapers reported on Tuesday, citing officials who asked not to be named.",
     ("indirect", "two newspapers", "reported", "The harbour minister offered to resign last week after his "
      "office released figures that overstated freight volumes by a third", "assert")),
    ("The harbour minister offered to resign last week after his office released figures that overstated "
     "freight volumes by a third, two newspapers reported on Tuesday, citing officials who asked not to be named.",
     ("indirect", "two newspapers", "citing", "officials who asked not to be named", "assert")),
    # the words opening a sentence before its quote are the speaker's too ('The new plans “…,” she said')
    ("The new plans “will not work,” she said.",
     ("mixed", "she", "said", "The new plans “will not work,”", "assert")),
    # … and so are the words before a cue in mid-sentence when the quote goes on from them
    ("In most cases, the clerk said, “the fee is waived.”",
     ("mixed", "the clerk", "said", "In most cases | “the fee is waived.”", "assert")),
    ("On Tuesday, Lee said: “We will win.”",
     ("direct", "Lee", "said", "“We will win.”", "assert")),
    # a clause a semicolon ends is its own sentence, not what the next cue reports
    ("He calls for a single-payer system; Mrs. Clinton aims to build on the existing law.",
     ("indirect", "He", "calls for", "a single-payer system", "assert")),
    ("He calls for a single-payer system; Mrs. Clinton aims to build on the existing law.",
     ("indirect", "Mrs. Clinton", "aims", "to build on the existing law", "assert")),
    # a ", which …" clause stays with what was said, unless it has a cue of its own
    ("She said the council approved the budget, which pays for two new schools.",
     ("indirect", "She", "said", "the council approved the budget, which pays for two new schools", "assert")),
    ("He approved the plan, which officials said will start in May.",
     ("indirect", "officials", "said", "which | will start in May", "assert")),
    ("It was what many analysts said was a sign of better relations.",
     ("indirect", "many analysts", "said", "what | was a sign of better relations", "assert")),
    # a writer's joint ("In fact, …") is dropped; "But" is kept
    ("In fact, the plan would cost more, the report said.",
     ("indirect", "the report", "said", "the plan would cost more", "assert")),
    ("But the plan failed, she said.",
     ("indirect", "she", "said", "But the plan failed", "assert")),
    # a dateline with a state, a date and an agency
    ("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters are moving to the left, a new poll indicates.",
     ("indirect", "a new poll", "indicates", "Young voters are moving to the left", "assert")),
    ("WASHINGTON ― The senator said the bill would pass.",
     ("indirect", "The senator", "said", "the bill would pass", "assert")),
    # a show's title after the cue is where it was said, not a second piece of the quote
    ("“She just made it up,” Lee said on ABC’s “This Week.”",
     ("direct", "Lee", "said", "“She just made it up,”", "assert")),
    # cues of stance and of saying that the lexicon gained
    ("The senator voted against the farm bill.",
     ("indirect", "The senator", "voted against", "the farm bill", "deny")),
    ("The mayor embraced the plan for a new stadium.",
     ("indirect", "The mayor", "embraced", "the plan for a new stadium", "assert")),
    ("The minister underscored that the budget was balanced.",
     ("indirect", "The minister", "underscored", "that the budget was balanced", "assert")),
    # when it was said is not what was said
    ("The senator said Wednesday he agrees with the ruling.",
     ("indirect", "The senator", "said", "he agrees with the ruling", "assert")),
    ("The mayor said on Friday he met the governor earlier this week.",
     ("indirect", "The mayor", "said", "he met the governor earlier this week", "assert")),
    ("The company promised Monday to begin hiring.",
     ("indirect", "The company", "promised", "to begin hiring", "assert")),
    # nor where or how it was said ("in a statement", "on Twitter") …
    ("The minister said he would resign in a statement on Friday.",
     ("indirect", "The minister", "said", "he would resign", "assert")),
    ("She said the team would win in an interview with the Herald.",
     ("indirect", "She", "said", "the team would win", "assert")),
    ("The governor attacked the bill from the Senate floor.",
     ("indirect", "The governor", "attacked", "the bill", "assert")),
    # … and a "post" with no "a" is a job, not a posting
    ("The government confirmed that the minister would remain in her post.",
     ("indirect", "The government", "confirmed", "that the minister would remain in her post", "confirm")),
    # … unless it belongs to a noun of what was said
    ("He said the figures in the letter were wrong.",
     ("indirect", "He", "said", "the figures in the letter were wrong", "assert")),
    # a subject reached through "more likely to say"
    ("Younger voters were more likely to say that the economy is improving.",
     ("indirect", "Younger voters", "say", "that the economy is improving", "assert")),
    # the subject of the copula is who "the only Republicans to vote against" it were
    ("Senators Kirk and Collins were the only Republicans to vote against the bill.",
     ("indirect", "Senators Kirk and Collins", "vote against", "the bill", "deny")),
    # a participle on a passive clause is its subject's, not the agent's
    ("The comedian was booed by the crowd after telling them that they were wrong.",
     ("indirect", "The comedian", "telling", "that they were wrong", "assert")),
    # "it seems that …" is how things look, to no one named
    ("It seems that the plan will fail.",
     ("indirect", None, "seems", "that the plan will fail", "speculate")),
    # a subject the parser hung on the words before the cue
    ("Speaking at a rally in New York City, while on the campaign trail for his wife Democratic presidential "
     "front-runner Hillary Clinton, former president Bill Clinton said his wife was uniquely qualified.",
     ("indirect", "former president Bill Clinton", "said", "his wife was uniquely qualified", "assert")),
    # whoever issued a statement is the source of what it says
    ("The group issued a statement saying the plan was illegal.",
     ("indirect", "The group", "saying", "the plan was illegal", "assert")),
    ("Forbes shot back in an article stating that the city had more billionaires.",
     ("indirect", "Forbes", "stating", "that the city had more billionaires", "assert")),
    # a trailing participle after a reported clause is the reporter's, not the clause subject's
    ("Cruz warned that the deal could fail, remarking that it put the country at risk.",
     ("indirect", "Cruz", "remarking", "that it put the country at risk", "assert")),
    # a second verb the parser left unlabelled ("dep") shares the first one's subject
    ("Clinton paused, then revealed why the activism was important.",
     ("indirect", "Clinton", "revealed", "why the activism was important", "assert")),
    # where the source was, and a ", who noted …" clause of its own, are not part of the source
    ("Lopez, in Denver, said the plan was dead.",
     ("indirect", "Lopez", "said", "the plan was dead", "assert")),
    ("Trump on Tuesday argued that the vote was rigged.",
     ("indirect", "Trump", "argued", "that the vote was rigged", "assert")),
    ("Harvey, who noted that the vote was close, said the party would unite.",
     ("indirect", "Harvey", "said", "the party would unite", "assert")),
    # a ", but …" clause may be the writer's own: it ends what was said …
    ("Several accounts claimed that he had been detained, but the posts were deleted within hours.",
     ("indirect", "Several accounts", "claimed", "that he had been detained", "assert")),
    # … while a condition or comparison the parser hung on the cue goes on with it
    ("Officials say they expect the bill to pass, just as it did in the spring.",
     ("indirect", "Officials", "say", "they expect the bill to pass, just as it did in the spring", "assert")),
    ("The mayor said the bridge would open in May, because the money had finally arrived.",
     ("indirect", "The mayor", "said", "the bridge would open in May, because the money had finally arrived",
      "assert")),
    # a cue in mid-sentence that the parser made a complement or bare conjunct of what follows it:
    # the words after it (and any opening words before the sayer) are what was said
    ("Instead, Lee told reporters, the money would go to the schools.",
     ("indirect", "Lee", "told", "Instead | the money would go to the schools", "assert")),
    ("If the levy passes, Ortiz suggested in a post, classes will shrink.",
     ("indirect", "Ortiz", "suggested", "If the levy passes | classes will shrink", "speculate")),
    # a one-word joint before a mid-sentence cue is the writer's, not the speaker's
    ("But, the mayor said, “the bridge will not close this winter.”",
     ("direct", "the mayor", "said", "“the bridge will not close this winter.”", "assert")),
    # a verb the parser hung on a cue in mid-sentence goes on with the clause the cue interrupts
    ("The pilot had no criminal record, the company added, and had passed every check.",
     ("indirect", "the company", "added", "The pilot had no criminal record | and had passed every check", "assert")),
    ("The plan would be helped, Ortiz said, by the new budget.",
     ("indirect", "Ortiz", "said", "The plan would be helped | by the new budget", "assert")),
    ("The plan would fail, Ortiz said, in a statement.",  # (where it was said is no part of it)
     ("indirect", "Ortiz", "said", "The plan would fail", "assert")),
    # a relative clause set off by dashes is the writer's aside on the source, not part of it
    ("The senator -- who has fought the plan for years -- said the vote was rigged.",
     ("indirect", "The senator", "said", "the vote was rigged", "assert")),
    # whoever has a habit of doing something is its source
    ("Mayor Lee has a long habit of blaming the press for his troubles.",
     ("indirect", "Mayor Lee", "blaming", "the press for his troubles", "assert")),
    # where an object's content ends: a trailing appositive is the writer's gloss, unless the phrase
    # goes on after it; a list the parser took for an appositive, a second object after a comma, a
    # non-finite "while …" and a phrase saying more than when or where are all part of it
    ("She praised Dana Lee, a former judge, for her ruling on the dam.",
     ("indirect", "She", "praised", "Dana Lee, a former judge, for her ruling on the dam", "assert")),
    ("The senator praised Dana Lee, a former judge.",
     ("indirect", "The senator", "praised", "Dana Lee", "assert")),
    ("She thanked her aides, her lawyers and her family.",
     ("indirect", "She", "thanked", "her aides, her lawyers and her family", "assert")),
    ("He criticized the board, and the auditors too.",
     ("indirect", "He", "criticized", "the board, and the auditors too", "assert")),
    ("She sought to calm the crowd while touring the flooded streets.",
     ("indirect", "She", "sought", "to calm the crowd while touring the flooded streets", "assert")),
    ("She sought to calm the crowd as she toured the flooded streets.",
     ("indirect", "She", "sought", "to calm the crowd", "assert")),
    ("She recalled an incident at a bus station that left her shaken.",
     ("indirect", "She", "recalled", "an incident at a bus station that left her shaken", "assert")),
    ("His criticism of the vote in favor of the dam angered the council.",
     ("indirect", "His", "criticism of", "the vote in favor of the dam", "assert")),
    # bare verbs going on with a to-infinitive are part of it; a verb in the cue's own form is a second act
    ("He pledged to cut taxes, fix the roads and expand the library.",
     ("indirect", "He", "pledged", "to cut taxes, fix the roads and expand the library", "assert")),
    ("He urged them to vote and tried to calm the crowd.",
     ("indirect", "He", "urged", "them to vote", "assert")),
    ("The mayor wrote that the bridge is closed and shared a photo of the barriers.",
     ("indirect", "The mayor", "wrote", "that the bridge is closed", "assert")),
    ("A spokesman said the agency was disappointed but understood the council's concerns.",
     ("indirect", "A spokesman", "said", "the agency was disappointed but understood the council's concerns",
      "assert")),
    # a clause the parser hung on the cue after ", and" goes on with what was said when it is a second
    # "that" clause or its subject a pronoun; with a noun phrase of its own it is the writer's next statement
    ("Officials predicted that fares would rise slightly, but that most riders would save money over the year.",
     ("indirect", "Officials", "predicted",
      "that fares would rise slightly, but that most riders would save money over the year", "speculate")),
    ("She said the bridge was unsafe, and it still has no inspector.",
     ("indirect", "She", "said", "the bridge was unsafe, and it still has no inspector", "assert")),
    ("She said the bridge was unsafe, and the council has since closed it.",
     ("indirect", "She", "said", "the bridge was unsafe", "assert")),
    # a comma-led gloss on the subject, and a comma-led tail on the infinitive, are the writer's
    ("The White House is expected to sign the measure, potentially ending the dispute.",
     ("indirect", None, "expected", "The White House | to sign the measure", "speculate")),
    ("The deficit, which ends in May, is expected to reach five billion dollars.",
     ("indirect", None, "expected", "The deficit | to reach five billion dollars", "speculate")),
    # how it was said is no part of it, wherever the parser hung the phrase
    ("The governor claimed victory in a tweet.",
     ("indirect", "The governor", "claimed", "victory", "assert")),
    ("The union denounced the merger in a new ad.",
     ("indirect", "The union", "denounced", "the merger", "assert")),
    ("The judge dismissed the lawsuit in a ruling on Thursday.",
     ("indirect", "The judge", "dismissed", "the lawsuit", "deny")),
    # the words between a cue and its quote that are the cue's object are part of what was said (not a
    # phrase saying where or when)
    ("The coach called his team's play in the second half “simply unacceptable.”",
     ("mixed", "The coach", "called", "his team's play in the second half “simply unacceptable.”", "assert")),
    ("The senator said in a statement “we will win.”",
     ("mixed", "The senator", "said", "“we will win.”", "assert")),
    # quoted words that open a longer object: the whole object was said (but not where it was said)
    ("The report referenced “political tensions” in rich economies that are slowing trade.",
     ("mixed", "The report", "referenced", "“political tensions” in rich economies that are slowing trade",
      "assert")),
    ("The mayor mentioned “bad weather” in her letter to the council.",
     ("mixed", "The mayor", "mentioned", "“bad weather”", "assert")),
    # a gloss on the last name in what was said is the writer's
    ("She said the plan was drafted by Dana Ruiz, the city's planning chief.",
     ("indirect", "She", "said", "the plan was drafted by Dana Ruiz", "assert")),
]

# a second, coordinated cue of the same speaker ends the first one's content
COORDINATED = "The minister said that the plan would work and insisted that the vote was fair."


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attribution_found(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "Western diplomats said the ceasefire was unlikely to hold.",
    "A person familiar with the matter said the deal could collapse.",
    "Local media reports said the fire started in a kitchen.",
])
def test_group_sources_marked(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    assert ct.attributions and ct.attributions[0].group


def test_named_source_is_not_a_group(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, "Mayor Dana Whitfield said the bridge would reopen.")
    assert ct.attributions and not ct.attributions[0].group


@pytest.mark.parametrize("text", [
    "The weather was fine and the match started at noon.",
    "She walked to the station and bought a ticket.",
    "He posted on Facebook.",  # where something was posted is not what was said
    # a paragraph head that is a place, or a section label's few words, is no speaker's line
    "Iowa: Ann Berg, Carl Dunn, Dora Eck, Ed Fahy, Flo Gage, Gus Hale, Ida Ives, Jo Kemp\n\nThe list ends here.",
    "Mendez: Win or go home\n\nThe season ends on Sunday.",
    "Senators blocked the bill on Tuesday.",  # blocking is an act, not a statement
    # agreeing on or to something is a deal (or the lack of one), not a statement
    "The talks stalled after the two sides failed to agree on quotas for rice imports.",
    "The unions agreed to the new terms on Friday.",
    "Clinton won the primary, adding to her lead over Sanders.",  # adding to a lead is no saying
    "Clinton leads Sanders by 271 pledged delegates.",  # a participle before a noun is no cue
    "The crew added a new wing to the library.",  # adding a thing to something says nothing
    # markup a scraper left in the text is not a cue
    'Sources: <tweet author="cityhall" said="no">',
    # idioms of "say" in which nobody says anything
    "That said, the plan is risky.",
    "It is too soon to say whether the plan will work.",
    # a section label heading a paragraph is no speaker
    "Correction: An earlier version of this story misspelled the name of the ferry.",
    "Contributing: Ann Berg and Carl Dunn of the Herald staff in Oslo.",
])
def test_no_attribution_in_plain_narration(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    assert ct.attributions == []


def test_show_title_is_not_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Sunday on the station’s “Morning Call,” Mayor Dana Ruiz said the plan would go ahead."
    _, ct = hits(nlp, text)
    assert [h.kind for h in ct.attributions] == ["indirect"]


def test_said_inside_a_quote_is_not_a_second_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“My father said we would never leave,” Amara Ndiaye said."
    _, ct = hits(nlp, text)
    assert [describe(text, h)[:3] for h in ct.attributions] == [("direct", "Amara Ndiaye", "said")]


def test_quote_running_over_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The mayor said:\n\n“The first problem is money. We have none.\n\n"
            "“The second problem is time, and we have even less of that.”\n\nThe council meets on Monday.")
    _, ct = hits(nlp, text)
    direct = [h for h in ct.attributions if h.kind == "direct"]
    assert len(direct) == 1
    s, e = direct[0].content[0][0], direct[0].content[-1][1]
    assert text[s:e].startswith("“The first problem") and text[s:e].endswith("even less of that.”")
    assert text[direct[0].source[0]:direct[0].source[1]] == "The mayor"


def test_speaker_turn_next_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We lost,” the coach said.\n\n“We will be back next year.”"
    _, ct = hits(nlp, text)
    assert len(ct.attributions) == 1
    assert [text[s:e] for s, e in ct.attributions[0].content] == ["“We lost,”", "“We will be back next year.”"]


def test_speaker_turn_after_the_rest_of_the_cue_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We sold every ticket,” Ines Duarte said during a long interview at the theatre on Monday.\n\n"
            "“Next season we will add a matinee for schools.”\n\nThe theatre opened in 1911.")
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions]
    assert ("direct", "Ines Duarte", "said",
            "“We sold every ticket,” | “Next season we will add a matinee for schools.”", "assert") in got, got


def test_dash_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We are ready for anything,” — Captain Mira Holt said before the race."
    _, ct = hits(nlp, text)
    assert ("direct", "Captain Mira Holt", "said", "“We are ready for anything,”", "assert") in \
        [describe(text, h) for h in ct.attributions]


def test_headline_lead_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Mills: The Budget Will Balance\n\nThe governor spoke on Friday."
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions]
    assert ("indirect", "Governor Mills", ":", "The Budget Will Balance", "assert") in got


def test_transcript_speaker_in_capitals(nlp) -> None:  # type: ignore[no-untyped-def]
    # (a name in capitals speaks only where it opens more than one turn; once, "BOOM: …" is a label)
    text = ("HOST: What do you make of the harvest?\n\nOKAFOR: I think the orchard had its best year in a decade. "
            "The pickers want longer breaks.\n\nHOST: And the prices?\n\nOKAFOR: We will keep them where they are.\n\n"
            "UPDATE: This story has been corrected to fix a date.\n\nWOW: Orchard Wins The County Fair Again")
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions]
    assert ("indirect", "OKAFOR", ":", "I think the orchard had its best year in a decade. The pickers want longer breaks",
            "assert") in got, got
    assert not [g for g in got if g[1] in ("UPDATE", "WOW")], got
    assert not [g for g in got if g[2] in ("think", "want")], got  # inside the turn: the turn carries them


def test_unbalanced_quotes_flagged_and_rest_read(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We will win this, the captain said after training.\n\n"
            "Officials said the roads would close at noon.")
    _, ct = hits(nlp, text)
    flags = [f for f in ct.flags if f.code == "unbalanced-quotes"]
    assert flags and flags[0].start == 0
    got = [describe(text, h) for h in ct.attributions]
    assert ("indirect", "Officials", "said", "the roads would close at noon", "assert") in got


@pytest.mark.parametrize("text", [
    "\u201c", '"', "\u201c\u201d", "\u201d \u201c \u201d \u201c", "\n\n\u201c\n\n\u201d", "said said said.",
    "She said: ", ": : :", "According to", "\u201cA,\u201d \u201cB,\u201d \u201cC,\u201d she said, \u201cD\u201d \u201c",
    "''Two'' ''marks'' '' said he.", "\u201cNo end\n\n\u201cstill no end\n\n\u201cand none", "- said -",
])
def test_odd_input_never_crashes(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    hits(nlp, text)  # asserts that no stage-error flag was raised


def test_coordinated_cues_split_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, COORDINATED)
    got = [describe(COORDINATED, h)[2:4] for h in ct.attributions]
    assert ("said", "that the plan would work") in got, got
    assert ("insisted", "that the vote was fair") in got, got


def test_cue_inside_an_unclosed_quote_still_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"We were given the final figures on Monday night, council member Dana Whitfield said. '
            "She added that the report ran to 400 pages.")
    _, ct = hits(nlp, text)
    got = [describe(text, h)[1:4] for h in ct.attributions]
    assert ("council member Dana Whitfield", "said", '"We were given the final figures on Monday night') in got
    assert ("She", "added", "that the report ran to 400 pages") in got


def test_quote_finder_forms() -> None:
    text = 'He said "one" and “two” and \'\'three\'\' here.\n“Open para\n\n“goes on.”\n“never closed'
    quotes, bad = find_quotes(text)
    assert [text[s:e] for s, e in quotes] == ['"one"', "“two”", "''three''", "“Open para\n\n“goes on.”",
                                               "“never closed"]
    assert bad == [text.index("“never")]


def test_time_of_saying_from_timex(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The chief executive announced on Tuesday that the firm would move to Denver."
    with nlp.select_pipes(disable=["claimtrail_attribution", "claimtrail_claims"]):
        doc = nlp(text)
    doc._.ct = Analysis()
    start = text.index("Tuesday")
    doc._.ct.timexes = [TimexHit(0, 3, "DATE", "X"), TimexHit(start, start + 7, "DATE", "2026-W01-2")]
    attribution.run(doc)
    assert [h.time for h in doc._.ct.attributions] == [1]


def test_long_sentence_does_not_crash_and_stays_fast(nlp) -> None:  # type: ignore[no-untyped-def]
    towns = ", ".join(f"the village of Town{i} will get a new road and a school" for i in range(60))
    text = f"The minister said that {towns}, and the mayor denied it."
    doc = nlp.make_doc(text)
    assert len(doc) > 500
    with nlp.select_pipes(disable=["claimtrail_attribution", "claimtrail_claims"]):
        doc = nlp(text)
    doc._.ct = doc._.ct or Analysis()
    t0 = time.perf_counter()
    attribution.run(doc)
    assert time.perf_counter() - t0 < 1.0
    assert not [f for f in doc._.ct.flags if f.code == "stage-error" and f.message.startswith("attribution")]
    assert any(text[h.cue[0]:h.cue[1]] == "said" for h in doc._.ct.attributions)


def test_lexicon_is_well_formed() -> None:
    single, multi = attribution.lexicon()
    assert {"say", "tell", "deny", "confirm", "speculate", "decline", "believe"} <= set(single)
    stances = {c.stance for c in single.values()} | {c.stance for v in multi.values() for _, c in v}
    assert stances <= {"assert", "confirm", "deny", "speculate", "decline", "question"}


@pytest.mark.parametrize(("text", "cue", "stance"), [
    # failing to agree is a disagreement, not a refusal to speak
    ("The two leaders failed to agree on a date for the talks.", "agree", "deny"),
    ("The ministers did not agree on the budget.", "agree", "deny"),
    # declining to comment stays a refusal
    ("The mayor declined to comment.", "declined", "decline"),
])
def test_stance_of_refusal_like_cues(nlp, text: str, cue: str, stance: str) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.nlp.stance import stance_of_cue
    with nlp.select_pipes(disable=["claimtrail_claims"]):
        doc = nlp(text)
    assert stance_of_cue(doc, cue) == stance


def test_quoted_subheading_in_capitals_is_nobody_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We will rebuild the bridge by the spring,” the mayor said.\n\n"
            "“A PLAN THAT NOBODY ASKED FOR AT ALL”\n\nThe council met on Monday.")
    _, ct = hits(nlp, text)
    said = [" | ".join(text[s:e] for s, e in h.content) for h in ct.attributions]
    assert said == ["“We will rebuild the bridge by the spring,”"]


@pytest.mark.parametrize(("text", "expected"), [
    # a quote signed with a dash and a name at the end of its line (pull quotes, readers' comments)
    ("Readers wrote in.\n\n“We will win this race in the end.” ― Ana Ruiz\n"
     "“Nobody asked us.”― Edwin G. Monroy\n",
     [("direct", "Ana Ruiz", "―", "“We will win this race in the end.”", "assert"),
      ("direct", "Edwin G. Monroy", "―", "“Nobody asked us.”", "assert")]),
    # a name and a dash opening the line before the quote
    ("Carlos Raúl — “He has said hateful things again and again.”",
     [("direct", "Carlos Raúl", "—", "“He has said hateful things again and again.”", "assert")]),
    # a section label in capitals is no name
    ("FAREWELL—“The Blue Room to close at the end of the month,” by Lee Park.", []),
])
def test_signed_quotes(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions if text[h.cue[0]:h.cue[1]] in ("―", "—", "–", "--")]
    assert got == expected


@pytest.mark.parametrize(("text", "contents"), [
    # a clause saying what went on meanwhile is not what was said
    ('"We train every day," Spencer Hale said, as a few young boxers worked out inside the gym.',
     ['"We train every day,"']),
    ("He said his name was Mason, as the audience laughed.", ["his name was Mason"]),
    ("He said North Carolina would win – even though he picked Denver to win.", ["North Carolina would win"]),
    ("Sanders vowed to keep fighting even as Clinton closed in on the nomination.", ["to keep fighting"]),
    # "said of X" after a quote another cue took: X is whom it was said of, not what
    ('"We met in May," she said. "He is a good friend," she said of Mr. Cruz.',
     ['"We met in May," | "He is a good friend,"']),
    # … nor is "with a grin" what was said (but "charged him with fraud" is)
    ('"We met in May," she said. "He is a good friend," she said with a grin.',
     ['"We met in May," | "He is a good friend,"']),
    ("Prosecutors charged him with fraud.", ["him with fraud"]),
    # a quoted title after a kind of work, or "on" + a show, is nobody's words
    ('Mr. Lee wrote in his 2012 book, "A Long Road Home."', []),
    ('"I love it," Lee said on the podcast "Talk of the Town."', ['"I love it,"']),
    ('Ana Ruiz, who hosts the weekly show "Late Night Lines," said the plan would fail.', ["the plan would fail"]),
    ('“Being a dad, that’s my job,” Omar Weiss said in May on the podcast “Here’s the Thing.”',
     ["“Being a dad, that’s my job,”"]),
    ("Dana Ruiz, star of the cult classic “Thelma and Louise,” said she would vote for Stein.",
     ["she would vote for Stein"]),
    # … but a quote that goes on with the sentence is words, after "program" too
    ("The minister told reporters the new program “is gaining traction fast.”",
     ["the new program “is gaining traction fast.”"]),
    # … and what a naming verb calls a show is what was said
    ('She called the show "a disgrace to the network."', ['the show | "a disgrace to the network."']),
    # markup a scraper left, with a long attribute value, hides no cue
    ('Sources: <tweet note="she said it was fine and ' + "more words " * 40 + '">Hello.<tweet/>', []),
    ('<tweet author="@cityhall" note="Lee said the plan\nwould fail">Hello.<tweet/>', []),
])
def test_content_is_not_a_scene_a_title_or_markup(nlp, text: str,  # type: ignore[no-untyped-def]
                                                  contents: list) -> None:
    _, ct = hits(nlp, text)
    assert [" | ".join(text[s:e] for s, e in h.content) for h in ct.attributions] == contents


def test_odd_complements_are_not_reported() -> None:
    """Parses the small model sometimes makes (built by hand): a relative clause on an inverted sayer,
    or a clause opened by "as", taken for the cue's complement."""
    import spacy
    from spacy.tokens import Doc

    from claimtrail.nlp.attr_indirect import _reported
    vocab = spacy.blank("en").vocab
    words = ["It", "works", ",", "said", "Omar", ",", "who", "developed", "tools", "."]
    heads = [1, 3, 3, 3, 3, 4, 7, 3, 7, 3]
    deps = ["nsubj", "ccomp", "punct", "ROOT", "nsubj", "punct", "nsubj", "ccomp", "dobj", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert not _reported(doc[7], doc[3], doc[4])  # "who developed tools" is the sayer's, not said
    assert _reported(doc[1], doc[3], doc[4])  # "It works" before the cue is what was said
    words = ["He", "said", "it", "works", ",", "as", "crowds", "cheered", "."]
    heads = [1, 1, 3, 1, 1, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "mark", "nsubj", "ccomp", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert _reported(doc[3], doc[1], doc[0]) and not _reported(doc[7], doc[1], doc[0])


@pytest.mark.parametrize(("text", "outer", "inner"), [
    # a trailing dash-led relative clause with a cue of its own is that sayer's words, not the first's
    ("The chair blamed the delay on a clerk — who said the forms were lost.", "the delay on a clerk",
     "the forms were lost"),
    # (so is a dash-led participle: the first sayer's next saying)
    ("The party chair dismissed the complaint that the count was rigged — saying the rival camp chose not to "
     "take part.", "the complaint that the count was rigged", "the rival camp chose not to take part"),
    # (a comma-led one was already cut off by the ", who …" rule)
    ("Officials said the tax would fall on the families of workers, who argued that they could not pay it.",
     "the tax would fall on the families of workers", "that they could not pay it"),
])
def test_trailing_relative_clause_with_its_own_cue_ends_the_outer_words(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                      outer: str, inner: str) -> None:
    _, ct = hits(nlp, text)
    assert [" | ".join(text[s:e] for s, e in h.content) for h in ct.attributions] == [outer, inner]


@pytest.mark.parametrize(("text", "contents"), [
    # a coordinated cue inside another's words is nested like any other: the outer one keeps them whole
    ("According to the report, the officers watched the videos on Monday and said they had more questions "
     "than answers.", ["the officers watched the videos on Monday and said they had more questions than answers"]),
    ("The mayor promised to cut fees and pledged to hire more teachers, aides said.",
     ["The mayor promised to cut fees and pledged to hire more teachers"]),
    ("Critics accused Lee of ignoring the flood and praising the contractors who built the levee.",
     ["Lee of ignoring the flood and praising the contractors who built the levee"]),
])
def test_coordinated_cue_inside_other_words_stays_nested(nlp, text: str,  # type: ignore[no-untyped-def]
                                                         contents: list) -> None:
    _, ct = hits(nlp, text)
    assert [" | ".join(text[s:e] for s, e in h.content) for h in ct.attributions] == contents


@pytest.mark.parametrize(("text", "expected"), [
    # a head naming someone with a few plain words ("camp", "at the forum"), or after a label and a dash
    ("Senator Whitfield camp: The tariff plan would cost every family dearly, aides say\n\nThe campaign spoke.",
     ("Senator Whitfield camp", "The tariff plan would cost every family dearly, aides say")),
    ("Governor Whitfield at Town Hall: The courts are running out of money this year\n\nShe left.",
     ("Governor Whitfield at Town Hall", "The courts are running out of money this year")),
    ("EXCLUSIVE – Dana Whitfield: The harbor will flood again unless the wall is raised\n\nShe spoke by phone.",
     ("Dana Whitfield", "The harbor will flood again unless the wall is raised")),
    # a headline's short quote in single marks
    ("Dana Whitfield: 'The levy is unfair.'\n\nThe mayor spoke on Friday.",
     ("Dana Whitfield", "'The levy is unfair.'")),
    # a name in capitals once, which the article also spells out, is a speaker
    ("Mayor Dana Whitfield went on the radio.\n\nWHITFIELD: The river has never been this high in my lifetime, "
     "and we are not ready.\n\nThe mayor left soon after.",
     ("WHITFIELD", "The river has never been this high in my lifetime, and we are not ready")),
    # a quote brought in mid-paragraph by a dash, its speaker and a colon, or "More from the report:"
    ("Turnout soared in the rural north - Mira Holt and Sam Osei: “Our numbers show that younger "
     "voters came out in force this time.”",
     ("Mira Holt and Sam Osei", "“Our numbers show that younger voters came out in force this time.”")),
    ("The survey has limits. More from the report: “Samples drawn online tend to include more engaged voters "
     "than the population at large.”",
     ("the report", "“Samples drawn online tend to include more engaged voters than the population at large.”")),
])
def test_colon_lead_ins(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    got = [(g[1], g[3]) for g in (describe(text, h) for h in ct.attributions) if g[2] == ":"]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "WOW: Orchard Wins The County Fair Again, And Again, And Again\n\nThe fair ended.",  # a label in capitals
    "Follow Dana Whitfield on Twitter: @dwhitfield. Reach her at the newsroom any time of the day.",  # an order
    "Q: What do you make of the harvest this year, after all that rain?\n\nThe farmer laughed.",  # (Q is a label)
])
def test_colon_heads_that_name_no_speaker(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    assert not [h for h in ct.attributions if text[h.cue[0]:h.cue[1]] == ":"], [describe(text, h) for h in ct.attributions]


def test_object_seen_as_something_with_as_on_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    # (the parser hangs "as a disaster" on "dam" here, not on "regard")
    text = "Local farmers regard the new dam as a disaster."
    _, ct = hits(nlp, text)
    assert ("indirect", "Local farmers", "regard", "the new dam as a disaster", "assert") in \
        [describe(text, h) for h in ct.attributions]


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor’s win, many think, is only a matter of time.",
     ("indirect", "many", "think", "The mayor’s win | is only a matter of time", "speculate")),
    ("A deal with the union, most analysts believe, is only weeks away.",
     ("indirect", "most analysts", "believe", "A deal with the union | is only weeks away", "speculate")),
])
def test_belief_cue_set_off_by_commas(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    assert expected in [describe(text, h) for h in ct.attributions]


def test_know_set_off_by_commas_is_filler(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The parking, you know, is free after six."
    _, ct = hits(nlp, text)
    assert not [h for h in ct.attributions if text[h.cue[0]:h.cue[1]] == "know"], [describe(text, h) for h in ct.attributions]
