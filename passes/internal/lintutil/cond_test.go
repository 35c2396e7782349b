package lintutil

import "testing"

func TestCond(t *testing.T) {
	for _, tc := range []struct{ in, not string }{
		{"plain", "!plain"},
		{"!plain", "plain"},
		{"cfg.Secure", "!cfg.Secure"},
		{"gss.Auth != nil", "!(gss.Auth != nil)"},
		{"!(a && b)", "!(!(a && b))"},
		{"", ""},
	} {
		if got := NotCond(tc.in); got != tc.not {
			t.Errorf("NotCond(%q) = %q, want %q", tc.in, got, tc.not)
		}
	}
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"a"}, "a"},
		{[]string{"a || b"}, "a || b"},
		{[]string{"a || b", "c != nil"}, "(a || b) && c != nil"},
		{[]string{"", "c"}, "c"},
	} {
		if got := AndCond(tc.in...); got != tc.want {
			t.Errorf("AndCond(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := WhenCond("gss.Auth != nil", true); got != "when gss.Auth != nil, " {
		t.Errorf("WhenCond = %q", got)
	}
	if got := WhenCond("", true); got != "on one branch, " {
		t.Errorf("WhenCond on a long condition = %q", got)
	}
	if got := WhenCond("", false); got != "" {
		t.Errorf("WhenCond without a condition = %q", got)
	}
}
