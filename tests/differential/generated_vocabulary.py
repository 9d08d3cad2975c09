"""The literal values the program generator draws from: chosen to hit the edges where two
implementations of pan disagree (Java's number formatting and overflow, UTF-16 strings, regex and
format syntax, IP addresses, JSON, base64...), not to be typical."""

from __future__ import annotations

LONGS = (
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "10",
    "42",
    "100",
    "255",
    "256",
    "1000",
    "65535",
    "123456789",
    "2147483647",
    "2147483648",
    "4294967295",
    "9223372036854775807",
    "0x1F",
    "0xff",
    "0X10",
    "017",
    "00",
    "1099511627776",
)
SMALL_LONGS = ("0", "1", "2", "3", "-1", "-2", "4", "10")
NEGATIVE_LONGS = ("-1", "-5", "-42", "-9223372036854775807")
DOUBLES = (
    "0.0",
    "0.5",
    "1.5",
    "2.25",
    "3.75",
    "1e3",
    "1.0e-5",
    "1.5E10",
    "3.141592653589793",
    "1e20",
    "1e-7",
    "100.0",
    "0.1",
    "123456789.125",
    "1.7976931348623157E308",
    "4.9E-324",
    "2.0",
    "1e7",
    "1.0E-3",
    "12345678.9",
    "0.001",
    "1e-4",
    "9007199254740993.0",
    "6.02e23",
)
SINGLE_QUOTED = (
    "a",
    "abc",
    "hello world",
    "",
    "x-y_z",
    "0",
    "1.5",
    "true",
    "False",
    "é",
    "naïve",
    "日本",
    "a/b",
    "a b",
    "a:b",
    "{x}",
    "ABC",
    "42",
    "0x1F",
    "08",
    "yes",
    "it''s",
    "Ω",
    "a.b",
    "-",
    "_",
    "1a",
    "UPPER lower",
    "😀",
    "$x",
    "${G0}",
    "%s",
    "\\d+",
)
DOUBLE_QUOTED = (
    "tab\\tsep",
    'quote\\"d',
    "\\x41\\x42",
    "line\\nbreak",
    "back\\\\slash",
    "cr\\r",
    "\\x00nul",
    "é\\té",
    "\\f\\b",
)
LONG_TEXTS = ("12", "0x1F", "017", "-3", "0", "9223372036854775807", "+5", "-0x10", "#ff")
BAD_LONG_TEXTS = ("08", "abc", "9223372036854775808", "1.5", " 3", "", "10L", "0x")
DOUBLE_TEXTS = ("1.5", "-3", "1e3", "0", "12", "0.1", "1E-5", "+2.5", "NaN", "Infinity", "1.5d", "0x1p3")
BAD_DOUBLE_TEXTS = ("yes", "abc", "", "1,5", "--1")
BOOLEAN_TEXTS = ("true", "false", "TRUE", "False", "", "0", "1", "yes", "abc")
RADIX_PAIRS = ("'ff', 16", "'777', 8", "'101', 2", "'z', 36", "'-7f', 16", "'0', 10")
BAD_RADIX_PAIRS = ("'ff', 10", "'1', 1", "'1', 37", "'0x1f', 16", "'', 8")
REGEXES = (
    "a",
    "^a",
    "b$",
    "[a-z]+",
    "(a)(b)?",
    "\\d+",
    "^$",
    "(x)|(y)",
    ".*",
    "\\s",
    "é",
    "(?i)abc",
    "a{2}",
    "\\w+\\.\\w+",
    "^([a-z]+)-([0-9]+)$",
    "\\\\",
    "[^/]+",
    "a|b|c",
    "(?<n>a)",
    "\\p{L}",
)
BAD_REGEXES = ("[", "(", "+", "a{2", "\\")
REGEX_FLAGS = ("i", "m", "s", "x", "im", "is")
BAD_REGEX_FLAGS = ("z", "u", "", "Ω")
REPLACEMENTS = ("x", "$1", "[$0]", "\\$", "$2", "${n}", "", "-")
FORMATS = (
    "%s",
    "%d",
    "%5.2f",
    "%x",
    "%b",
    "%-5s|",
    "%%",
    "%c",
    "%e",
    "%10d",
    "%08.3f",
    "%s-%s",
    "%d items",
    "%o",
    "%X",
    "%+d",
    "%,d",
    "%.3e",
    "%g",
    "%h",
    "%S",
    "%n",
    "%1$s %1$s",
    "%5s",
    "%-8d|",
    "%.1f",
    "%a",
    "%s %d %f",
    "plain",
)
BAD_FORMATS = ("%z", "%", "%tY", "%3$s", "%-d", "%#s")
IP4 = (
    "192.168.1.1",
    "10.0.0.0/8",
    "0.0.0.0",
    "255.255.255.255",
    "172.16.5.4/255.255.0.0",
    "127.0.0.1/32",
    "10.0.0.1/24",
    "10.1.2.3/0",
)
BAD_IP4 = ("1.2.3", "256.1.1.1", "10.1.2.3/33", "a.b.c.d", "", " 1.2.3.4", "1.2.3.4/255.0.255.0")
DIGEST_ALGORITHMS = ("MD5", "SHA-1", "SHA-256", "SHA-512", "SHA", "MD2", "SHA-384", "md5")
BAD_DIGEST_ALGORITHMS = ("bogus", "", "SHA3")
JSON_TEXTS = (
    '{"a": 1, "b": [true, 2.5]}',
    '[1, 2.5, "x", true]',
    '"s"',
    "1e3",
    "42",
    "-0.0",
    '{"k": {"n": 1}}',
    "[]",
    "{}",
    "true",
    "1.0",
    '"\\u00e9"',
    "[1, null]",
    '{"n": null}',
)
BAD_JSON_TEXTS = ("word", "{bad", "null", '{"a": 1, "a": 2}', "123456789012345678901234567890", "")
BASE64_TEXTS = ("aGVsbG8=", "", "YQ==", "w6k=", "Zm9vYmFy", "YWJj ZGVm")
BAD_BASE64_TEXTS = ("not base64!", "====", "YQ")
TEMPLATE_WORDS = ("alpha", "beta", "gamma", "delta", "omega")
DICT_KEYS = (
    "a",
    "b",
    "k",
    "key",
    "x1",
    "name",
    "port",
    "1a",
    "a.b",
    "a-b",
    "{a b}",
    "{é}",
    "_",
    "{x/y}",
    "A",
    "n_2",
)
BAD_DICT_KEYS = ("0", "é", "a b", "", "{日本}", "-x")
PATH_KEYS = ("a", "b", "c", "d", "l", "s", "x", "y", "srv", "net", "v1", "data", "k-1", "n.2", "_u", "9lives")
BAD_PATH_TERMS = ("-1", "01", "a b", "", "é", "{日本}", "{}")
ESCAPED_TERMS = ("{a b}", "{é}", "{x:y}", "{pkg:/entire}", "{0.5}", "{a/b}", "{1}", "{-}", "{x y/z}", "{$}")
