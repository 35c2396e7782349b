package dialcreds

import (
	"go/token"
	"slices"
	"testing"
)

// Unit tests of the abstract values: the lattice operations the walk
// relies on, independent of any syntax.

func TestCombine(t *testing.T) {
	insec := alt{b: bInsecure, insecWhat: "insecure.NewCredentials()", insecAt: 10}
	creds := alt{b: bAuth, credName: "oauth.TokenSource", credVia: viaDialOpt, credAt: 20}
	secure := alt{b: bSecure}

	got := combine(insec, creds)
	if got.b != bInsecure|bAuth || got.insecWhat != insec.insecWhat || got.credName != creds.credName || got.credAt != 20 || got.insecAt != 10 {
		t.Errorf("combine(insecure, creds) = %+v", got)
	}
	// A later transport choice overrides an earlier one.
	if got := combine(insec, secure); got.b != bSecure || got.insecWhat != "" {
		t.Errorf("combine(insecure, secure) = %+v, want secure only", got)
	}
	if got := combine(secure, insec); got.b != bInsecure || got.insecWhat != insec.insecWhat {
		t.Errorf("combine(secure, insecure) = %+v, want insecure", got)
	}
	// The first credentials are kept.
	other := alt{b: bAuth, credName: "jwt", credVia: viaCallOpt}
	if got := combine(creds, other); got.credName != "oauth.TokenSource" || got.credVia != viaDialOpt {
		t.Errorf("combine(creds, other) kept %q via %d", got.credName, got.credVia)
	}
	// Two different options parameters make the path unknown.
	if got := combine(alt{param: 1}, alt{param: 2}); got.param != 0 || got.b&bUnknown == 0 {
		t.Errorf("combine(param1, param2) = %+v, want unknown", got)
	}
	if got := combine(alt{}, alt{param: 2}); got.param != 2 || got.b&bUnknown != 0 {
		t.Errorf("combine(none, param2) = %+v, want param 2", got)
	}
	// Conditions of both paths hold.
	a := alt{conds: conds{{key: "x", value: "true"}}}
	b := alt{conds: conds{{key: "mode", value: `"plain"`}}}
	if got := combine(a, b).conds; len(got) != 2 || got[0].key != "mode" {
		t.Errorf("combine conds = %v, want both, sorted", got)
	}
}

func TestConcatJoin(t *testing.T) {
	x := val{{b: bInsecure}, {b: bSecure}}
	y := val{{b: bAuth}, {}}
	got := concat(x, y)
	if len(got) != 4 || !got.has(bAuth) || !got.has(bInsecure) {
		t.Errorf("concat = %+v, want the 4 pairs", got)
	}
	// An empty value (broken code) is unknown, never empty.
	if got := concat(nil, emptyVal); len(got) != 1 || got[0].b != bUnknown {
		t.Errorf("concat(nil, empty) = %+v, want unknown", got)
	}
	// join keeps one copy of a path; positions do not tell paths apart.
	j := join(val{{b: bAuth, credAt: 1}}, val{{b: bAuth, credAt: 2}, {b: bInsecure}})
	if len(j) != 2 || j[0].credAt != 1 {
		t.Errorf("join = %+v, want the first auth path and the insecure one", j)
	}
	// Past maxAltCount paths a value collapses to one path that keeps
	// what every rule but the TLS one needs.
	var big val
	for i := range maxAltCount + 1 {
		big = join(big, val{{b: bInsecure | bAuth, param: 0, insecWhat: string(rune('a' + i%26)), credName: string(rune('A' + i))}})
	}
	if len(big) != 1 || big[0].b != bAuth || big[0].credName != "" {
		t.Errorf("collapsed value = %+v, want one auth path without insecure or credentials", big)
	}
	if got := collapse(val{{param: 1}, {param: 2}}); got[0].b&bUnknown == 0 {
		t.Errorf("collapse of two parameters = %+v, want unknown", got)
	}
	if got := concat(x, concat(x, concat(x, concat(x, concat(x, x))))); len(got) > maxAltCount {
		t.Errorf("concat grew to %d paths", len(got))
	}
}

func TestMapAltsDedups(t *testing.T) {
	v := val{{b: bInsecure}, {b: bSecure}}
	got := mapAlts(v, func(alt) alt { return alt{b: bAuth} })
	if len(got) != 1 || got[0].b != bAuth {
		t.Errorf("mapAlts = %+v, want one auth path", got)
	}
	if got := mapAlts(nil, func(a alt) alt { return a }); len(got) != 1 || got[0].b != bUnknown {
		t.Errorf("mapAlts(nil) = %+v, want unknown", got)
	}
}

func TestSame(t *testing.T) {
	a := alt{b: bInsecure, insecCond: branch{text: "cfg.Plain", at: 3}, insecAt: 4, credAt: 5, metaAt: 6, conds: conds{{key: "k", value: "1"}}}
	b := a
	b.insecAt, b.credAt, b.metaAt, b.insecCond.at = 7, 8, 9, 10
	b.conds = slices.Clone(a.conds)
	if !a.same(b) {
		t.Error("paths that differ only in positions are not the same")
	}
	b.conds = conds{{key: "k", value: "2"}}
	if a.same(b) {
		t.Error("paths with different conditions are the same")
	}
	c := a
	c.insecCond = branch{text: "!cfg.Plain"}
	if a.same(c) {
		t.Error("paths with different branches are the same")
	}
}

func TestConds(t *testing.T) {
	m := func(key, value string, neq bool) cond { return cond{key: key, value: value, neq: neq} }
	eqPlain, eqTLS, neqPlain := m("mode", "plain", false), m("mode", "tls", false), m("mode", "plain", true)

	s := conds{eqPlain}.and(conds{m("b", "true", false)})
	if !slices.IsSortedFunc(s, cond.compare) || len(s) != 2 || s[0].key != "b" {
		t.Errorf("and = %v, want sorted union", s)
	}
	if got := s.and(s); !slices.Equal(got, s) {
		t.Errorf("s.and(s) = %v", got)
	}
	if got := conds(nil).and(s); !slices.Equal(got, s) {
		t.Errorf("nil.and(s) = %v", got)
	}
	// The difference sorts before the equality of the same key.
	if got := (conds{eqPlain}).and(conds{neqPlain}); got[0] != neqPlain {
		t.Errorf("order = %v, want the difference first", got)
	}
	var many conds
	for i := range 2 * maxConds {
		many = many.and(conds{m(string(rune('a'+i)), "1", false)})
	}
	if len(many) != maxConds {
		t.Errorf("%d conditions kept, want %d", len(many), maxConds)
	}
	for _, tc := range []struct {
		s    conds
		want bool
	}{
		{nil, false},
		{conds{eqPlain}, false},
		{conds{eqPlain, eqTLS}, true},
		{conds{eqPlain, neqPlain}, true},
		{conds{eqTLS, neqPlain}, false},
		{conds{m("x", "true", false), m("y", "false", false)}, false},
	} {
		if got := tc.s.contradictory(); got != tc.want {
			t.Errorf("%v.contradictory() = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestBranch(t *testing.T) {
	for _, tc := range []struct {
		b         branch
		not, when string
	}{
		{branch{text: "plain"}, "!plain", "when plain, "},
		{branch{text: "!plain"}, "plain", "when !plain, "},
		{branch{text: "cfg.Secure"}, "!cfg.Secure", "when cfg.Secure, "},
		{branch{text: "a && b"}, "!(a && b)", "when a && b, "},
		{branch{line: 12, at: token.Pos(40)}, "", "on one branch, "},
		{branch{}, "", ""},
	} {
		if got := tc.b.not().text; got != tc.not {
			t.Errorf("%+v.not() = %q, want %q", tc.b, got, tc.not)
		}
		if got := tc.b.when(); got != tc.when {
			t.Errorf("%+v.when() = %q, want %q", tc.b, got, tc.when)
		}
	}
	if !(branch{line: 3, at: 1}).same(branch{line: 3, at: 2}) || (branch{line: 3}).same(branch{line: 4}) {
		t.Error("long branches are told apart by line only")
	}
}

func TestSummarize(t *testing.T) {
	for _, tc := range []struct {
		v    val
		want string
	}{
		{val{{b: bAuth}, {}}, "auth"},
		{val{{}, {b: bUnknown}}, "unknown"},
		{val{{param: 1}, {param: 2}}, "unknown"},
		{val{{b: bInsecure, param: 1}}, "none+param0 insecure"},
		{val{{b: bInsecure, credName: "oauth.TokenSource", credVia: viaDialOpt}}, "none insecure tls-creds(oauth.TokenSource)"},
		{val{{b: bInsecure}, {b: bSecure}}, "none"},
		// Client interceptors count for their own half only; one that
		// touches nothing is no credentials.
		{val{{uni: half{set: kTok}}}, "auth interceptors unary-token"},
		{val{{uni: half{set: kTok}}, {b: bUnknown}}, "auth interceptors unary-token unknown"},
		{val{{uni: half{chainMay: true}, str: half{set: kMaybe}}}, "auth interceptors unary stream"},
		{val{{uni: half{set: kPlain}, str: half{set: kPlain}}}, "none"},
		{val{{uni: half{set: kTok}, b: bAuth}}, "auth"},
	} {
		s := summarize(tc.v)
		if got := s.String(); got != tc.want {
			t.Errorf("summarize(%+v) = %s, want %s", tc.v, got, tc.want)
		}
		// The summary's value summarises to the same summary.
		if back := summarize(s.val("the options of f", token.NoPos)); back != s {
			t.Errorf("summarize(%s.val()) = %s", s, back)
		}
	}
}
