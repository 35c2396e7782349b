package metadatakey

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "metadatakey")

// Config configures the pass.
type Config struct {
	// Tests reports findings in _test.go files too. Off by default: tests
	// write invalid keys on purpose to exercise validation, and a wrong
	// key in a test fails that test anyway.
	Tests bool `json:"tests"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// New returns a metadatakey analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	a := &analysis.Analyzer{
		Name:     "metadatakey",
		Doc:      Doc.Analyzer,
		URL:      lintutil.URL("metadatakey"),
		Requires: []*analysis.Analyzer{lintutil.Shared},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, &c) },
		// Judge what type-checked; go vet reports the errors themselves.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also report findings in _test.go files")
	return a
}

// Analyzer is the metadatakey analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

const (
	grpcPath     = "google.golang.org/grpc"
	metadataPath = "google.golang.org/grpc/metadata"
)

// dest is where the metadata written at a site goes.
type dest int

const (
	destUnknown       dest = iota
	destClient             // outgoing context of a client RPC
	destServer             // grpc.SetHeader, SendHeader, SetTrailer
	destStreamHeader       // ServerStream.SetHeader, SendHeader
	destStreamTrailer      // ServerStream.SetTrailer
	destIncoming           // NewIncomingContext: tests and interceptors; FromIncomingContext lowercases
)

// kind is what happens to a key at a site.
type kind int

const (
	rawWrite    kind = iota // MD literal key, md[k] = v
	rawRead                 // md[k], delete(md, k), k == "X" over range keys
	helperWrite             // Pairs, New, AppendToOutgoingContext, MD.Set/Append
	helperRead              // MD.Get/Delete, ValueFrom{Incoming,Outgoing}Context
	credsMap                // map returned by GetRequestMetadata
)

// api describes a function of the metadata or grpc package the pass
// understands. The table is data; APIKeys lists it for the suite's
// resolution test against the real grpc-go module.
type api struct {
	kind  kind
	arg   int  // key argument, or first key of a key/value list (pairs)
	pairs bool // variadic key/value list from arg on
	dest  dest // for writes whose destination the call itself decides
	// sink: the call sends the MD given at arg to dest.
	sink bool
	// incoming: a read through the incoming context.
	incoming bool
}

var apis = map[string]api{
	metadataPath + ".Pairs":                    {kind: helperWrite, arg: 0, pairs: true},
	metadataPath + ".AppendToOutgoingContext":  {kind: helperWrite, arg: 1, pairs: true, dest: destClient},
	metadataPath + ".New":                      {kind: helperWrite, arg: 0}, // keys of its map literal
	"(" + metadataPath + ".MD).Get":            {kind: helperRead, arg: 0},
	"(" + metadataPath + ".MD).Set":            {kind: helperWrite, arg: 0},
	"(" + metadataPath + ".MD).Append":         {kind: helperWrite, arg: 0},
	"(" + metadataPath + ".MD).Delete":         {kind: helperRead, arg: 0},
	metadataPath + ".ValueFromIncomingContext": {kind: helperRead, arg: 1, incoming: true},
	metadataPath + ".ValueFromOutgoingContext": {kind: helperRead, arg: 1},

	metadataPath + ".NewOutgoingContext":         {sink: true, arg: 1, dest: destClient},
	metadataPath + ".NewIncomingContext":         {sink: true, arg: 1, dest: destIncoming},
	grpcPath + ".SetHeader":                      {sink: true, arg: 1, dest: destServer},
	grpcPath + ".SendHeader":                     {sink: true, arg: 1, dest: destServer},
	grpcPath + ".SetTrailer":                     {sink: true, arg: 1, dest: destServer},
	"(" + grpcPath + ".ServerStream).SetHeader":  {sink: true, arg: 0, dest: destStreamHeader},
	"(" + grpcPath + ".ServerStream).SendHeader": {sink: true, arg: 0, dest: destStreamHeader},
	"(" + grpcPath + ".ServerStream).SetTrailer": {sink: true, arg: 0, dest: destStreamTrailer},
}

// fromIncoming is the function whose MD result holds incoming keys.
const fromIncoming = metadataPath + ".FromIncomingContext"

// APIKeys lists every API the pass matches, in lintutil.FuncKey notation.
func APIKeys() []string {
	keys := []string{fromIncoming}
	for k := range apis {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// site is one constant key (or value) position.
type site struct {
	key      ast.Expr
	kind     kind
	dest     dest
	md       *types.Var // the MD variable written or read, if any; its dest/source is resolved later
	incoming bool       // read of incoming metadata
	helper   string     // name of the normalising helper, for messages
	sinkName string     // name of the sink, for messages
	values   []ast.Expr // constant values written under this key
}

// checker holds one run's state.
type checker struct {
	pass      *analysis.Pass
	r         *lintutil.Reporter
	sites     []*site
	varDest   map[*types.Var]dest
	varSink   map[*types.Var]string
	varIn     map[*types.Var]bool       // MD variables assigned from FromIncomingContext
	rangeKeys map[*types.Var]*types.Var // key variable of a range over an MD -> the MD variable (or nil)
	cmps      []*site                   // comparisons against a variable, kept if it is a range key
	cmpVars   []*types.Var
	// grpc-go version the package builds against, when it can see it:
	// client-side key validation arrived in 1.46, and before 1.59
	// grpc-status-details-bin was a reserved header too.
	major, minor int
	versionKnown bool
}

// before reports whether the grpc-go version is known and older than
// major.minor.
func (c *checker) before(major, minor int) bool {
	return c.versionKnown && (c.major < major || c.major == major && c.minor < minor)
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Fast path: only a package that can see the metadata package (as an
	// import, or through the types of another package's API) can hold an
	// MD. GetRequestMetadata maps also need credentials, which imports
	// metadata's package graph.
	if !lintutil.Reaches(pass, metadataPath) {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		r:         lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests}),
		varDest:   make(map[*types.Var]dest),
		varSink:   make(map[*types.Var]string),
		varIn:     make(map[*types.Var]bool),
		rangeKeys: make(map[*types.Var]*types.Var),
	}
	c.major, c.minor, c.versionKnown = lintutil.GRPCVersion(pass)
	insp := lintutil.Inspector(pass)
	filter := []ast.Node{
		(*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.IndexExpr)(nil),
		(*ast.RangeStmt)(nil),
		(*ast.BinaryExpr)(nil),
		(*ast.SwitchStmt)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
	}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.CompositeLit:
			c.compositeLit(cur, n)
		case *ast.IndexExpr:
			c.index(cur, n)
		case *ast.RangeStmt:
			if c.isMD(n.X) {
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
						c.rangeKeys[v] = c.varOf(n.X)
					}
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				c.comparison(n.X, n.Y)
				c.comparison(n.Y, n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cl := range n.Body.List {
					for _, e := range cl.(*ast.CaseClause).List {
						c.comparison(n.Tag, e)
					}
				}
			}
		case *ast.AssignStmt:
			c.assignFromIncoming(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.assignFromIncoming(lhs, n.Values)
		}
	}
	for i, s := range c.cmps {
		if md, ok := c.rangeKeys[c.cmpVars[i]]; ok {
			s.md = md
			c.sites = append(c.sites, s)
		}
	}
	c.report()
	c.r.Finish()
	return nil, nil
}

func (c *checker) isMD(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	return t != nil && lintutil.IsNamed(t, metadataPath, "MD", false)
}

func isStringMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	k, ok1 := m.Key().Underlying().(*types.Basic)
	v, ok2 := m.Elem().Underlying().(*types.Basic)
	return ok1 && ok2 && k.Kind() == types.String && v.Kind() == types.String
}

func (c *checker) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// assignFromIncoming records MD variables assigned from
// FromIncomingContext.
func (c *checker) assignFromIncoming(lhs, rhs []ast.Expr) {
	if len(rhs) != 1 || len(lhs) == 0 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn := lintutil.Callee(c.pass.TypesInfo, call); fn != nil && lintutil.FuncKey(fn) == fromIncoming {
		if v := c.varOf(lhs[0]); v != nil {
			c.varIn[v] = true
		}
	}
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	// delete(md, key)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "delete" && len(call.Args) == 2 && c.isMD(call.Args[0]) {
			c.sites = append(c.sites, &site{key: call.Args[1], kind: rawRead, md: c.varOf(call.Args[0])})
		}
		// fall through: a local func named like an API is not one.
	}
	fn := lintutil.Callee(info, call)
	if fn == nil {
		return
	}
	key := lintutil.FuncKey(fn)
	a, ok := apis[key]
	if !ok {
		return
	}
	name := shortName(key)
	if a.sink {
		if a.arg < len(call.Args) {
			if v := c.varOf(call.Args[a.arg]); v != nil {
				if _, seen := c.varDest[v]; !seen || c.varDest[v] == destIncoming {
					c.varDest[v] = a.dest
					c.varSink[v] = name
				}
			}
		}
		return
	}
	switch {
	case a.pairs:
		if call.Ellipsis.IsValid() {
			return // kv... spread: count and keys unknown
		}
		n := len(call.Args) - a.arg
		if n%2 != 0 {
			c.r.Reportf(call, "%s got an odd number of strings (%d): it panics at run time; pass key, value pairs", name, n)
		}
		d, sinkName, v := a.dest, "", (*types.Var)(nil)
		if d == destUnknown {
			d, sinkName, v = c.exprDest(cur)
		}
		for i := a.arg; i < len(call.Args); i += 2 {
			s := &site{key: call.Args[i], kind: helperWrite, dest: d, md: v, helper: name, sinkName: sinkName}
			if i+1 < len(call.Args) {
				s.values = []ast.Expr{call.Args[i+1]}
			}
			c.sites = append(c.sites, s)
		}
	case key == metadataPath+".New":
		// Keys of the map literal are handled in compositeLit.
	default:
		if a.arg >= len(call.Args) {
			return
		}
		s := &site{key: call.Args[a.arg], kind: a.kind, helper: name, incoming: a.incoming}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && a.kind == helperWrite {
			// md.Set / md.Append: the destination is the receiver's.
			s.md = c.varOf(sel.X)
			s.values = call.Args[a.arg+1:]
		}
		c.sites = append(c.sites, s)
	}
}

// exprDest returns where the MD value at cur goes: straight into a sink
// call, or into a variable whose sinks are resolved at the end.
func (c *checker) exprDest(cur inspector.Cursor) (dest, string, *types.Var) {
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			cur = parent
			continue
		case *ast.CallExpr:
			fn := lintutil.Callee(c.pass.TypesInfo, p)
			if fn == nil {
				return destUnknown, "", nil
			}
			key := lintutil.FuncKey(fn)
			if a, ok := apis[key]; ok && a.sink && a.arg < len(p.Args) && p.Args[a.arg] == cur.Node() {
				return a.dest, shortName(key), nil
			}
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r == cur.Node() && len(p.Lhs) == len(p.Rhs) {
					return destUnknown, "", c.varOf(p.Lhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, r := range p.Values {
				if r == cur.Node() && len(p.Names) == len(p.Values) {
					return destUnknown, "", c.varOf(p.Names[i])
				}
			}
		}
		return destUnknown, "", nil
	}
}

func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch {
	case lintutil.IsNamed(t, metadataPath, "MD", false):
		d, sinkName, v := c.exprDest(cur)
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			s := &site{key: kv.Key, kind: rawWrite, dest: d, md: v, sinkName: sinkName}
			if vals, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				s.values = vals.Elts
			}
			c.sites = append(c.sites, s)
		}
	case isStringMap(t):
		k := credsMap
		helper := ""
		var d dest
		var sinkName string
		var v *types.Var
		if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && len(call.Args) == 1 && call.Args[0] == lit {
			if fn := lintutil.Callee(c.pass.TypesInfo, call); fn != nil && lintutil.FuncKey(fn) == metadataPath+".New" {
				k, helper = helperWrite, "metadata.New"
				d, sinkName, v = c.exprDest(cur.Parent())
			}
		}
		if k == credsMap && !inGetRequestMetadata(cur) {
			return
		}
		if k == credsMap {
			d = destClient
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				c.sites = append(c.sites, &site{key: kv.Key, kind: k, dest: d, md: v, helper: helper, sinkName: sinkName, values: []ast.Expr{kv.Value}})
			}
		}
	}
}

// inGetRequestMetadata reports whether cur is inside the body of a
// method GetRequestMetadata(ctx, ...string) (map[string]string, error),
// the PerRPCCredentials method whose map keys the transport lowercases.
func inGetRequestMetadata(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := fc.Node().(*ast.FuncDecl)
		return fd.Recv != nil && fd.Name.Name == "GetRequestMetadata" &&
			fd.Type.Results != nil && len(fd.Type.Results.List) == 2
	}
	return false
}

func (c *checker) index(cur inspector.Cursor, ix *ast.IndexExpr) {
	t := c.pass.TypesInfo.TypeOf(ix.X)
	if t == nil {
		return
	}
	write := false
	if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if l == ix {
				write = true
			}
		}
	}
	switch {
	case lintutil.IsNamed(t, metadataPath, "MD", false):
		s := &site{key: ix.Index, kind: rawRead, md: c.varOf(ix.X)}
		if write {
			s.kind = rawWrite
			if as := cur.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == 1 && len(as.Rhs) == 1 {
				if vals, ok := ast.Unparen(as.Rhs[0]).(*ast.CompositeLit); ok {
					s.values = vals.Elts
				}
			}
		}
		c.sites = append(c.sites, s)
	case write && isStringMap(t) && inGetRequestMetadata(cur):
		as := cur.Parent().Node().(*ast.AssignStmt)
		s := &site{key: ix.Index, kind: credsMap, dest: destClient}
		if len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			s.values = as.Rhs
		}
		c.sites = append(c.sites, s)
	}
}

// comparison records v == key where v may be the key variable of a range
// over an MD (decided once the traversal is done).
func (c *checker) comparison(v, key ast.Expr) {
	obj := c.varOf(v)
	if obj == nil {
		return
	}
	if _, ok := lintutil.ConstString(c.pass.TypesInfo, key); !ok {
		return
	}
	c.cmps = append(c.cmps, &site{key: key, kind: rawRead})
	c.cmpVars = append(c.cmpVars, obj)
}

func shortName(key string) string {
	// "(google.golang.org/grpc/metadata.MD).Get" -> "MD.Get";
	// "google.golang.org/grpc.SetHeader" -> "grpc.SetHeader".
	if strings.HasPrefix(key, "(") {
		recv, method, _ := strings.Cut(key[1:], ").")
		return recv[strings.LastIndex(recv, ".")+1:] + "." + method
	}
	return key[strings.LastIndex(key, "/")+1:]
}

// report resolves each site's destination and reports its problems.
func (c *checker) report() {
	sort.Slice(c.sites, func(i, j int) bool { return c.sites[i].key.Pos() < c.sites[j].key.Pos() })
	fixes := newConstFixer(c.pass, c.sites)
	for _, s := range c.sites {
		if s.md != nil {
			if s.dest == destUnknown {
				s.dest = c.varDest[s.md]
				if s.sinkName == "" {
					s.sinkName = c.varSink[s.md]
				}
			}
			if c.varIn[s.md] {
				s.incoming = true
			}
		}
		if s.dest == destIncoming {
			continue // NewIncomingContext: FromIncomingContext lowercases; tests do this on purpose
		}
		key, ok := lintutil.ConstString(c.pass.TypesInfo, s.key)
		if !ok {
			continue
		}
		if !c.checkKey(s, key, fixes) {
			c.checkValues(s, key)
		}
	}
}

// checkKey reports the key of s; it reports whether it found a problem.
func (c *checker) checkKey(s *site, key string, fixes *constFixer) bool {
	write := s.kind == rawWrite || s.kind == helperWrite || s.kind == credsMap
	if key == "" {
		c.r.Reportf(s.key, "metadata key is empty: %s; name the key", c.consequence(s))
		return true
	}
	lower := strings.ToLower(key)
	if bad, ok := illegalChar(lower); ok {
		c.r.Reportf(s.key, "metadata key %q contains %q, which is not in [0-9a-z-_.]: %s; use a key of lowercase letters, digits, '-', '_' and '.'", key, bad, c.consequence(s))
		return true
	}
	if key != lower && s.kind != credsMap {
		d := analysis.Diagnostic{
			Pos: s.key.Pos(), End: s.key.End(),
			Message: c.caseMessage(s, key, lower),
		}
		if fix, ok := fixes.fix(s.key, lower); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.r.Report(d)
		return true
	}
	if write && c.isReserved(lower) && (s.dest == destClient || s.dest == destServer || s.dest == destStreamHeader || s.dest == destStreamTrailer) {
		c.r.Reportf(s.key, "metadata key %q is a reserved transport header: gRPC silently drops it from outgoing metadata; %s", key, reservedRemedy(lower))
		return true
	}
	return false
}

func (c *checker) checkValues(s *site, key string) {
	if !(s.kind == rawWrite || s.kind == helperWrite || s.kind == credsMap) || strings.HasSuffix(strings.ToLower(key), "-bin") {
		return
	}
	for _, v := range s.values {
		val, ok := lintutil.ConstString(c.pass.TypesInfo, v)
		if !ok {
			continue
		}
		for _, r := range []byte(val) {
			if r < 0x20 || r > 0x7E {
				c.r.Reportf(v, "metadata value for key %q is not printable ASCII: gRPC rejects it with codes.Internal; encode the value (e.g. base64) and name the key %q", key, strings.ToLower(key)+"-bin")
				break
			}
		}
	}
}

// consequence says what happens at run time to an invalid key at s.
func (c *checker) consequence(s *site) string {
	switch {
	case s.kind == rawRead || s.kind == helperRead:
		return "no gRPC metadata can hold it, so the lookup never matches"
	case s.kind == credsMap:
		return "the client fails every RPC with codes.Internal"
	}
	switch s.dest {
	case destClient:
		if c.before(1, 46) {
			return "this grpc-go (before 1.46) sends it unchecked, and HTTP/2 servers reject uppercase or invalid header names"
		}
		return "a client sending it fails the RPC with codes.Internal (grpc-go 1.46 and later)"
	case destServer:
		return s.sinkName + " sends it unchecked and the client's HTTP/2 framer rejects the response"
	case destStreamHeader:
		return s.sinkName + " returns a codes.Internal error and drops the header"
	case destStreamTrailer:
		return s.sinkName + " logs an error and the client's HTTP/2 framer rejects the trailer"
	}
	return "it is invalid on the wire"
}

func (c *checker) caseMessage(s *site, key, lower string) string {
	switch s.kind {
	case helperWrite, helperRead:
		return fmt.Sprintf("metadata key %q is lowercased by %s, but written with uppercase letters; use %q", key, s.helper, lower)
	case rawRead:
		if s.incoming {
			return fmt.Sprintf("metadata key %q never matches: incoming metadata keys are lowercase; use %q", key, lower)
		}
		return fmt.Sprintf("metadata key %q never matches: gRPC metadata keys are lowercase; use %q", key, lower)
	}
	switch s.dest {
	case destUnknown:
		return fmt.Sprintf("metadata key %q is invalid on the wire: gRPC metadata keys must be lowercase; use %q", key, lower)
	default:
		return fmt.Sprintf("metadata key %q has uppercase letters: %s; use %q", key, c.consequence(s), lower)
	}
}

// illegalChar returns the first character of a lowercased key outside
// [0-9a-z-_.]; pseudo-headers (":authority") are exempt, as in grpc-go's
// validator.
func illegalChar(key string) (string, bool) {
	if key[0] == ':' {
		return "", false
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return string(r), true
		}
	}
	return "", false
}

// reserved is grpc-go's isReservedHeader set (internal/transport/http_util.go).
var reserved = map[string]bool{
	"content-type":      true,
	"user-agent":        true,
	"grpc-message-type": true,
	"grpc-encoding":     true,
	"grpc-message":      true,
	"grpc-status":       true,
	"grpc-timeout":      true,
	"te":                true,
}

func (c *checker) isReserved(key string) bool {
	return key[0] == ':' || reserved[key] || key == "grpc-status-details-bin" && c.before(1, 59)
}

// reservedRemedy says what to use instead of writing a reserved header.
func reservedRemedy(key string) string {
	switch key {
	case ":authority":
		return "set the authority with grpc.WithAuthority or the CallAuthority call option"
	case "user-agent":
		return "set it with grpc.WithUserAgent"
	case "grpc-timeout":
		return "give the RPC a context deadline"
	case "grpc-status", "grpc-message", "grpc-status-details-bin":
		return "return the status as an error from status.Error"
	case "grpc-encoding":
		return "choose compression with grpc.UseCompressor"
	}
	return fmt.Sprintf("use an application key such as %q", "x-"+strings.TrimLeft(key, ":"))
}

// constFixer decides the one suggested fix of a case finding: lowercase
// a literal in place, or an unexported constant of the same file whose
// every use is a metadata key position, at its declaration.
type constFixer struct {
	pass     *analysis.Pass
	keyUses  map[*types.Const]int // uses of the constant as a key
	allUses  map[*types.Const]int // all uses of the constant
	fixedYet map[*types.Const]bool
}

func newConstFixer(pass *analysis.Pass, sites []*site) *constFixer {
	f := &constFixer{pass: pass, keyUses: map[*types.Const]int{}, fixedYet: map[*types.Const]bool{}}
	for _, s := range sites {
		if k := f.localConst(s.key); k != nil {
			f.keyUses[k]++
		}
	}
	if len(f.keyUses) > 0 {
		f.allUses = map[*types.Const]int{}
		for _, obj := range pass.TypesInfo.Uses {
			if k, ok := obj.(*types.Const); ok && f.keyUses[k] > 0 {
				f.allUses[k]++
			}
		}
	}
	return f
}

// localConst returns the unexported package-level or local constant e
// names, if e is an identifier of one declared in this package.
func (f *constFixer) localConst(e ast.Expr) *types.Const {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	k, ok := f.pass.TypesInfo.Uses[id].(*types.Const)
	if !ok || k.Pkg() != f.pass.Pkg || k.Exported() {
		return nil
	}
	return k
}

func (f *constFixer) fix(key ast.Expr, lower string) (analysis.SuggestedFix, bool) {
	if lit, ok := lintutil.StringLit(key); ok {
		return analysis.SuggestedFix{
			Message:   fmt.Sprintf("lowercase the key to %q", lower),
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(quoteLike(lit.Value, lower))}},
		}, true
	}
	k := f.localConst(key)
	if k == nil || f.fixedYet[k] || f.keyUses[k] != f.allUses[k] {
		return analysis.SuggestedFix{}, false
	}
	// Same file, declared as a single string literal.
	if f.pass.Fset.File(k.Pos()) != f.pass.Fset.File(key.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	lit := f.declLiteral(k)
	if lit == nil {
		return analysis.SuggestedFix{}, false
	}
	f.fixedYet[k] = true
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("lowercase constant %s to %q at its declaration (it is used only as a metadata key)", k.Name(), lower),
		TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(quoteLike(lit.Value, lower))}},
	}, true
}

// declLiteral returns the string literal that declares k, if k is
// declared as `name = "literal"` (or typed) in a ValueSpec.
func (f *constFixer) declLiteral(k *types.Const) *ast.BasicLit {
	for _, file := range f.pass.Files {
		if file.Pos() > k.Pos() || k.Pos() > file.End() {
			continue
		}
		var found *ast.BasicLit
		ast.Inspect(file, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, id := range vs.Names {
				if id.Pos() == k.Pos() && i < len(vs.Values) {
					if lit, ok := lintutil.StringLit(vs.Values[i]); ok {
						found = lit
					}
				}
			}
			return false
		})
		return found
	}
	return nil
}

// quoteLike writes s as a Go literal in the style of orig (raw or
// interpreted).
func quoteLike(orig, s string) string {
	if strings.HasPrefix(orig, "`") && !strings.Contains(s, "`") {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
