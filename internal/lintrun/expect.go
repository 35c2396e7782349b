package lintrun

import (
	"fmt"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/scanner"

	"golang.org/x/tools/go/analysis/checker"
)

// check verifies the diagnostics and facts of one root action against
// the "// want" comments of its package's files, as analysistest does:
//
//	code // want "diagnostic regexp" `another` name:"fact regexp" +1 ...
//
// Every diagnostic must match an expectation of its line, every fact
// one naming its object (or "package", on line 1 of the first file),
// and every expectation must be met. A comment "//...// want ..." is
// read from the "want".
func check(t Testing, act *checker.Action) {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	type key struct {
		file string
		line int
	}
	want := make(map[key][]expectation)
	processComment := func(filename string, linenum int, text string) {
		text = strings.TrimSpace(text)
		if rest, ok := strings.CutPrefix(text, "want"); ok {
			lineDelta, expects, err := parseExpectations(rest)
			if err != nil {
				t.Errorf("%s:%d: in 'want' comment: %s", display(stringer(filename)), linenum, err)
				return
			}
			if expects != nil {
				want[key{filename, linenum + lineDelta}] = expects
			}
		}
	}
	fset := act.Package.Fset
	for _, f := range act.Package.Syntax {
		for _, cgroup := range f.Comments {
			for _, c := range cgroup.List {
				text := strings.TrimPrefix(c.Text, "//")
				if text == c.Text {
					text = strings.TrimPrefix(text, "/*")
					text = strings.TrimSuffix(text, "*/")
				}
				if i := strings.Index(text, "// want"); i >= 0 {
					text = text[i+len("// "):]
				}
				posn := fset.Position(c.Pos())
				processComment(posn.Filename, posn.Line, text)
			}
		}
	}
	for _, filename := range act.Package.OtherFiles {
		data, err := os.ReadFile(filename)
		if err != nil {
			t.Errorf("can't read '// want' comments from %s: %v", filename, err)
			continue
		}
		for i, line := range strings.Split(string(data), "\n") {
			if j := strings.Index(line, "// want"); j >= 0 {
				line = line[j:]
			}
			if j := strings.Index(line, "//"); j >= 0 {
				processComment(filename, i+1, line[j+len("//"):])
			}
		}
	}

	checkMessage := func(posn token.Position, kind, name, message string) {
		k := key{posn.Filename, posn.Line}
		expects := want[k]
		var unmatched []string
		for i, exp := range expects {
			if exp.kind == kind && exp.name == name {
				if exp.rx.MatchString(message) {
					expects[i] = expects[len(expects)-1]
					want[k] = expects[:len(expects)-1]
					return
				}
				unmatched = append(unmatched, fmt.Sprintf("%#q", exp.rx))
			}
		}
		if unmatched == nil {
			t.Errorf("%v: unexpected %s: %v", display(posn), kind, message)
		} else {
			t.Errorf("%v: %s %q does not match pattern %s", display(posn), kind, message, strings.Join(unmatched, " or "))
		}
	}
	for _, d := range act.Diagnostics {
		checkMessage(fset.Position(d.Pos), "diagnostic", "", d.Message)
	}
	for _, pf := range act.AllPackageFacts() {
		if pf.Package == act.Package.Types {
			posn := fset.Position(act.Package.Syntax[0].Pos())
			posn.Line, posn.Column = 1, 1
			checkMessage(posn, "fact", "package", fmt.Sprint(pf))
		}
	}
	objFacts := act.AllObjectFacts()
	sort.Slice(objFacts, func(i, j int) bool { return objFacts[i].Object.Pos() < objFacts[j].Object.Pos() })
	for _, of := range objFacts {
		if obj := of.Object; obj.Pkg() == act.Package.Types {
			checkMessage(fset.Position(obj.Pos()), "fact", obj.Name(), fmt.Sprint(of.Fact))
		}
	}
	var surplus []string
	for k, expects := range want {
		for _, exp := range expects {
			surplus = append(surplus, fmt.Sprintf("%s:%d: no %s was reported matching %#q", display(stringer(k.file)), k.line, exp.kind, exp.rx))
		}
	}
	sort.Strings(surplus)
	for _, s := range surplus {
		t.Errorf("%s", s)
	}
}

type stringer string

func (s stringer) String() string { return string(s) }

type expectation struct {
	kind string // "fact" or "diagnostic"
	name string // the object a fact is about, or "package"
	rx   *regexp.Regexp
}

// parseExpectations parses what follows "want": regexps in Go string
// or raw string syntax (diagnostics), name:"regexp" (facts), and an
// optional +N moving the expectations N lines down.
func parseExpectations(text string) (lineDelta int, expects []expectation, err error) {
	var scanErr string
	sc := new(scanner.Scanner).Init(strings.NewReader(text))
	sc.Error = func(s *scanner.Scanner, msg string) { scanErr = msg }
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	scanRegexp := func(tok rune) (*regexp.Regexp, error) {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
		}
		pattern, _ := strconv.Unquote(sc.TokenText())
		return regexp.Compile(pattern)
	}
	for {
		tok := sc.Scan()
		switch tok {
		case '+':
			tok = sc.Scan()
			if tok != scanner.Int {
				return 0, nil, fmt.Errorf("got +%s, want +Int", scanner.TokenString(tok))
			}
			lineDelta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := scanRegexp(tok)
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{"diagnostic", "", rx})
		case scanner.Ident:
			name := sc.TokenText()
			tok = sc.Scan()
			if tok != ':' {
				return 0, nil, fmt.Errorf("got %s after %s, want ':'", scanner.TokenString(tok), name)
			}
			tok = sc.Scan()
			rx, err := scanRegexp(tok)
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{"fact", name, rx})
		case scanner.EOF:
			if scanErr != "" {
				return 0, nil, fmt.Errorf("%s", scanErr)
			}
			return lineDelta, expects, nil
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}
