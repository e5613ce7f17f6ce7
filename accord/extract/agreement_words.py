"""Word lists for agreement names: what modifies a head, what judges it, what ends a name.

agreement_spans.py reads names with these; they are kept apart so that the rules there
stay readable and the lists can grow without touching them.
"""

from __future__ import annotations

# Modifiers that say what an instrument is about: with one of these, a lower-case
# "trade agreement" or "policing agreements" is a described instrument, not a bare noun.
DOMAIN_MODIFIERS = frozenset("""
    trade transit investment defence defense security economic maritime nuclear peace ceasefire
    extradition visa aviation air tax taxation goods energy power gas oil water fisheries fishing
    friendship digital customs swap currency loan credit grant aid supply migration labour labor
    readmission education health climate border boundary demarcation delimitation policing police
    military naval arms grain rail railway road pipeline shipping port infrastructure hydropower
    electricity mining minerals space science technology tourism cultural culture agriculture
    agricultural judicial legal consular intelligence cyber satellite logistics training research
    employment workers scholarship youth sports media vaccine food environment environmental
    financing financial technical commercial monetary mutual reciprocal assistance status forces
    basing access exchange armistice non-aggression association twinning sister-city debt uranium
    coal lng wheat rice fertiliser fertilizer civil civilian
""".split())
# Modifiers that are part of a name but do not make one by themselves ("a cooperation
# agreement" may be any outcome; "the security cooperation agreement" is an instrument).
GENERIC_MODIFIERS = frozenset("""
    bilateral trilateral cooperation co-operation joint general framework comprehensive strategic
    partnership formal official intergovernmental inter-governmental government governmental basic
    interim preliminary provisional implementing free
""".split())
# Words that judge or place an instrument rather than name it: a name never starts with them
# ("the new bilateral trade agreement" is the "bilateral trade agreement").
EVALUATIVE = frozenset("""
    new landmark historic historical major key important significant big final latest recent first
    second third previous earlier existing current proposed planned possible potential draft
    long-awaited much-anticipated so-called ambitious controversial unprecedented milestone
    breakthrough separate additional several various other such many numerous some further more
    most ongoing pending upcoming outstanding binding crucial critical vital initial original
    similar same respective relevant certain specific
""".split())
# -ing words before a head that are verbs, not modifiers ("after signing agreements").
ING_VERBS = frozenset("""
    signing including regarding concerning following during being having reaching concluding
    implementing negotiating renewing extending reviewing discussing approving ratifying activating
    finalising finalizing drafting seeking pursuing breaking violating honouring honoring respecting
    scrapping suspending terminating according amending underlying governing existing upcoming
    pending mounting growing leading bringing making taking
""".split())
NUMBER_WORDS = frozenset("""
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred dozen
""".split())
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                          "her", "our", "both", "all", "any", "each", "every", "another", "such"})
PARTICLES = {"do", "da", "de", "del", "la", "le", "des", "du"}
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
          "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# Words that end a name: clause openers, auxiliaries and adverbs of time or manner.
STOPS = frozenset("""
    at from under during after before through against which who whom that as while but because
    since whose when where by such was were is are be been being has have had will would can could
    shall should must may might signed including last next this yesterday today said says told added
    noted stated according also then however although though whereas if unless so yet thus amid
    despite following over within via per ago until till it they he she we not
""".split())
# Third-person verbs that follow an instrument's name ("the agreement covers ...").
VERBS = frozenset("""
    covers includes provides aims seeks allows calls sets requires expires enables establishes
    outlines regulates governs gives takes makes remains means comes goes stipulates grants
    permits paves opens marks lays runs lets sees helps builds brings needs says took came made
    gave held met saw went began sought won set put kept left brought paid led built sent spent
    struck continue promote discuss ensure strengthen enhance expand boost
""".split())
# Finite verbs and auxiliaries: after "and Japan" one says a new clause has begun.
FINITE = frozenset("""
    will would can could shall should must may might is are was were has have had did does do said says
    told added noted stated
""".split()) | VERBS
# Prepositions and connectors that open (or continue) a name's complement.
COMPLEMENT_OPENERS = frozenset({"of", "on", "between", "among", "amongst", "amending", "for",
                                 "concerning", "regarding", "covering", "to", "in", "with"})
