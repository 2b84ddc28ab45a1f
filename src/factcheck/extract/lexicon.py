"""Word tables for the extractor: number words, scales, currencies, units, qualifiers.

Everything here is general English and general measurement; nothing is specific to a topic.
Keys are lower case; lookups lower-case the text they are given.
"""

from __future__ import annotations

UNITS_0_19 = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Multipliers that may follow a number ("1.5 billion", "€6m", "three hundred").
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
}
# Abbreviated scales, only read glued to a number or right after one: "€6m", "$2.5bn", "10k".
SCALE_ABBREVIATIONS = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mio": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "fiftieth": 50,
    "hundredth": 100,
}
# Nouns after which an ordinal carries a quantity ("10th anniversary" is ten years).
QUANTITY_ORDINAL_NOUNS = frozenset({"anniversary", "birthday", "jubilee", "edition", "consecutive"})

# "hundreds of", "dozens of": vague quantities with an order of magnitude.
VAGUE_PLURALS = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000, "tens": 10,
}
# Determiner-like words that make a vague quantity only before a unit ("a few kilometres").
VAGUE_DETERMINERS = frozenset({"a few", "several", "a couple of", "a handful of", "few", "multiple"})

CURRENCY_CODES = frozenset({
    "EUR", "USD", "GBP", "DKK", "SEK", "NOK", "ISK", "CHF", "JPY", "CNY", "RMB", "INR", "RUB", "TRY", "PLN",
    "CZK", "HUF", "RON", "BGN", "HRK", "RSD", "ALL", "MKD", "BAM", "UAH", "CAD", "AUD", "NZD", "HKD", "SGD",
    "ZAR", "BRL", "MXN", "ARS", "KRW", "IDR", "MYR", "THB", "PHP", "VND", "PKR", "BDT", "NGN", "KES", "EGP",
    "RWF", "UGX", "TZS", "GHS", "MAD", "SAR", "AED", "QAR", "ILS", "IRR", "TWD", "CLP", "COP", "PEN",
})
# Codes that are also ordinary English words: read as currency only right before or after a number.
AMBIGUOUS_CODES = frozenset({"ALL", "PHP", "TRY", "PEN", "CUP", "MAD"})

CURRENCY_SYMBOLS = {
    "€": "EUR", "£": "GBP", "$": "USD", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "₫": "VND", "฿": "THB", "₴": "UAH", "₦": "NGN", "₱": "PHP", "zł": "PLN",
    "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
    "hk$": "HKD", "s$": "SGD", "r$": "BRL", "mx$": "MXN", "nt$": "TWD",
    "rs": "INR", "rs.": "INR", "kr": "DKK", "kr.": "DKK", "dkr": "DKK", "dkr.": "DKK", "sfr": "CHF",
    "fr.": "CHF", "chf": "CHF", "rmb": "CNY", "r": "ZAR",
}
# Currency names after a number, longest first in the pattern; adjectives of nationality pick the code.
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "eurocent": "EUR",
    "dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "bucks": "USD",
    "canadian dollar": "CAD", "canadian dollars": "CAD", "australian dollar": "AUD", "australian dollars": "AUD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "pound": "GBP", "pounds": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP",
    "krone": "DKK", "kroner": "DKK", "danish krone": "DKK", "danish kroner": "DKK", "danish crowns": "DKK",
    "norwegian krone": "NOK", "norwegian kroner": "NOK", "swedish krona": "SEK", "swedish kronor": "SEK",
    "kronor": "SEK", "krona": "SEK", "icelandic krona": "ISK",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "swiss franc": "CHF", "swiss francs": "CHF", "franc": "CHF", "francs": "CHF",
    "rwandan franc": "RWF", "rwandan francs": "RWF", "rand": "ZAR", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY", "zloty": "PLN", "zlotys": "PLN",
    "forint": "HUF", "won": "KRW", "peso": "MXN", "pesos": "MXN", "real": "BRL", "reais": "BRL",
    "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
    "dirhams": "AED", "lek": "ALL", "leke": "ALL", "dinar": "RSD", "dinars": "RSD", "hryvnia": "UAH",
}
# Sub-units: the value is divided by 100 into the main currency.
CURRENCY_CENTS = {"cent": "EUR", "cents": "EUR", "pence": "GBP", "penny": "GBP", "p": "GBP"}

# Measurement units: surface -> (kind, canonical unit, factor to the kind's base unit).
# Distance base: km. Duration base: day. Other kinds compare within one canonical unit.
DISTANCE_UNITS = {
    "km": ("km", 1.0), "kms": ("km", 1.0), "kilometre": ("km", 1.0), "kilometres": ("km", 1.0),
    "kilometer": ("km", 1.0), "kilometers": ("km", 1.0),
    "m": ("m", 0.001), "metre": ("m", 0.001), "metres": ("m", 0.001), "meter": ("m", 0.001),
    "meters": ("m", 0.001), "cm": ("cm", 0.00001), "centimetre": ("cm", 0.00001), "centimetres": ("cm", 0.00001),
    "centimeter": ("cm", 0.00001), "centimeters": ("cm", 0.00001), "mm": ("mm", 0.000001),
    "millimetre": ("mm", 0.000001), "millimetres": ("mm", 0.000001), "millimeter": ("mm", 0.000001),
    "millimeters": ("mm", 0.000001),
    "mi": ("mi", 1.609344), "mile": ("mi", 1.609344), "miles": ("mi", 1.609344),
    "nautical mile": ("nmi", 1.852), "nautical miles": ("nmi", 1.852), "nm": ("nmi", 1.852),
    "ft": ("ft", 0.0003048), "foot": ("ft", 0.0003048), "feet": ("ft", 0.0003048),
    "yd": ("yd", 0.0009144), "yard": ("yd", 0.0009144), "yards": ("yd", 0.0009144),
    "in": ("in", 0.0000254), "inch": ("in", 0.0000254), "inches": ("in", 0.0000254),
    "light year": ("ly", 9.4607e12), "light years": ("ly", 9.4607e12), "light-years": ("ly", 9.4607e12),
}
DURATION_UNITS = {
    "second": ("second", 1 / 86400), "seconds": ("second", 1 / 86400), "sec": ("second", 1 / 86400),
    "secs": ("second", 1 / 86400), "minute": ("minute", 1 / 1440), "minutes": ("minute", 1 / 1440),
    "min": ("minute", 1 / 1440), "mins": ("minute", 1 / 1440),
    "hour": ("hour", 1 / 24), "hours": ("hour", 1 / 24), "hr": ("hour", 1 / 24), "hrs": ("hour", 1 / 24),
    "h": ("hour", 1 / 24),
    "day": ("day", 1.0), "days": ("day", 1.0), "week": ("week", 7.0), "weeks": ("week", 7.0),
    "fortnight": ("week", 14.0), "fortnights": ("week", 14.0),
    "month": ("month", 30.4375), "months": ("month", 30.4375), "year": ("year", 365.25),
    "years": ("year", 365.25), "yr": ("year", 365.25), "yrs": ("year", 365.25),
    "decade": ("decade", 3652.5), "decades": ("decade", 3652.5), "century": ("century", 36525.0),
    "centuries": ("century", 36525.0),
}
OTHER_UNITS = {
    "kg": ("kg", 1.0), "kgs": ("kg", 1.0), "kilogram": ("kg", 1.0), "kilograms": ("kg", 1.0),
    "kilogramme": ("kg", 1.0), "kilogrammes": ("kg", 1.0), "g": ("g", 0.001), "gram": ("g", 0.001),
    "grams": ("g", 0.001), "tonne": ("t", 1000.0), "tonnes": ("t", 1000.0), "ton": ("t", 1000.0),
    "tons": ("t", 1000.0), "t": ("t", 1000.0), "lb": ("lb", 0.45359237), "lbs": ("lb", 0.45359237),
    "oz": ("oz", 0.0283495),
    "litre": ("l", 1.0), "litres": ("l", 1.0), "liter": ("l", 1.0), "liters": ("l", 1.0), "l": ("l", 1.0),
    "ml": ("ml", 0.001), "gallon": ("gal", 3.78541), "gallons": ("gal", 3.78541),
    "barrel": ("barrel", 158.987), "barrels": ("barrel", 158.987),
    "hectare": ("ha", 1.0), "hectares": ("ha", 1.0), "ha": ("ha", 1.0), "acre": ("acre", 0.404686),
    "acres": ("acre", 0.404686), "square kilometres": ("km2", 100.0), "square kilometers": ("km2", 100.0),
    "km2": ("km2", 100.0), "km²": ("km2", 100.0), "sq km": ("km2", 100.0), "square miles": ("mi2", 258.999),
    "square metres": ("m2", 0.0001), "square meters": ("m2", 0.0001), "m2": ("m2", 0.0001),
    "m²": ("m2", 0.0001), "square feet": ("ft2", 0.0000092903), "sq ft": ("ft2", 0.0000092903),
    "mw": ("MW", 1.0), "megawatt": ("MW", 1.0), "megawatts": ("MW", 1.0), "gw": ("GW", 1000.0),
    "gigawatt": ("GW", 1000.0), "gigawatts": ("GW", 1000.0), "kw": ("kW", 0.001), "kilowatt": ("kW", 0.001),
    "kilowatts": ("kW", 0.001), "kwh": ("kWh", 1.0), "mwh": ("MWh", 1000.0), "gwh": ("GWh", 1e6),
    "twh": ("TWh", 1e9),
    "km/h": ("km/h", 1.0), "kph": ("km/h", 1.0), "mph": ("mph", 1.609344), "knots": ("kn", 1.852),
    "°c": ("°C", 1.0), "degrees celsius": ("°C", 1.0), "°f": ("°F", 1.0), "degrees fahrenheit": ("°F", 1.0),
}
PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pc", "pct", "percentage points", "percentage point"})

# Words before a number that give its qualifier; longest match wins. "over" before a duration means
# "spread across" and is handled in the parser.
QUALIFIERS = {
    "about": "approx", "around": "approx", "approximately": "approx", "approx.": "approx", "roughly": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "circa": "approx", "c.": "approx",
    "ca.": "approx", "~": "approx", "an estimated": "approx", "estimated": "approx", "close to": "approx",
    "barely": "approx", "just about": "approx", "in the region of": "approx", "around about": "approx",
    "something like": "approx", "an approximate": "approx", "approximate": "approx", "nigh on": "approx",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "greater than": "more_than", "just over": "more_than",
    "well over": "more_than", "north of": "more_than", "exceeding": "more_than", "higher than": "more_than",
    ">": "more_than", "well above": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "just under": "less_than", "lower than": "less_than", "<": "less_than", "short of": "less_than",
    "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least", "a minimum of": "at_least",
    "not less than": "at_least", "as many as": "up_to", "as much as": "up_to", ">=": "at_least", "≥": "at_least",
    "at most": "at_most", "no more than": "at_most", "a maximum of": "at_most", "not more than": "at_most",
    "<=": "at_most", "≤": "at_most",
    "up to": "up_to",
}
# "or so", "or more" after a number.
TRAILING_QUALIFIERS = {"or so": "approx", "or more": "at_least", "or less": "at_most", "or fewer": "at_most",
                       "plus": "at_least", "and more": "at_least", "odd": "approx"}

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# Parts of a year or month that make a date approximate: "early 2023", "mid-2024".
DATE_PARTS = frozenset({"early", "mid", "late", "end of", "start of", "beginning of", "middle of", "spring",
                        "summer", "autumn", "fall", "winter"})

# Nouns that turn a following number into a label rather than a quantity: "Article 5", "No. 10".
LABEL_NOUNS = frozenset({
    "article", "articles", "section", "chapter", "page", "pages", "paragraph", "clause", "rule", "resolution",
    "no", "no.", "nos", "number", "room", "flight", "route", "highway", "road", "phase", "level", "grade",
    "step", "part", "vol", "vol.", "volume", "act", "protocol", "amendment", "item", "table", "figure",
    "fig", "fig.", "annex", "appendix", "schedule", "platform", "gate", "terminal", "line", "bus", "channel",
    "season", "episode", "series", "model", "version", "v", "windows", "iphone", "boeing", "airbus", "covid",
    "tier", "stage", "category", "class", "division", "world war", "apollo", "pp", "p.", "pp.", "ch.",
    "art.", "sec.", "paras", "para", "reg", "regulation", "directive", "law", "bill", "question", "case",
    "district", "ward", "zone", "sector", "block", "unit", "building", "floor", "apartment", "apt",
    "interstate", "a", "b", "uss", "cop", "g", "f",
})

# Words that stop a counted-noun phrase: function words, and verbs common right after a count.
NOUN_STOPWORDS = frozenset("""
a an the this that these those its it their his her our your my of to in on at by for from with without
into onto over under about above below between among through during after before since until till per
and or but nor so yet as than then there here who whom whose which what when where why how
is are was were be been being am has have had do does did will would shall should can could may might must
not no also only just still even already more most less least very too much many such same other another
each every all any some both either neither own s t said says say says according according
""".split())
# Heads that are not things one counts: a number before them is not a count of them.
NON_COUNT_HEADS = frozenset({
    "percent", "cent", "times", "time", "per", "times,", "ago", "o'clock", "am", "pm", "a.m.", "p.m.",
    "or", "and", "to", "of",
})
# Words that mark a period for a rate: "each year", "per month", "annual".
PERIOD_WORDS = {
    "year": "year", "years": "year", "annum": "year", "month": "month", "week": "week", "day": "day",
    "hour": "hour", "quarter": "quarter", "decade": "decade",
}
PERIOD_ADJECTIVES = {
    "annual": "year", "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
    "daily": "day", "hourly": "hour", "quarterly": "quarter", "p.a.": "year", "a-year": "year",
}
