package flow

// The statement walker (Walker, generic over a pass's abstract state)
// follows Go's control flow as x/tools' ctrlflow and buildssa
// define it, on the syntax tree, without building SSA (every dependency
// of a pass with facts would pay for it): statements run in order; if,
// switch, type switch and select fork the state and join the arms that
// complete; a loop joins the state before it (it may run zero times),
// its body's end and its continue statements, and its exit is that join
// (for loops with a condition, range loops) plus its break statements; a
// for loop without a condition is left by break only. return, a call
// that never returns (NoReturn), break, continue, goto and fallthrough
// end their path; the states of break and continue go to their target
// statement (labelled or the innermost), those of a forward goto to its
// label, and that of a fallthrough to the next clause. Code no path
// reaches is skipped, unless the domain implements Dead.
//
// Two simplifications: a loop body is walked once, from the state before
// the loop, so a value that needs two iterations to form is not seen
// (ctrlflow-based analyses iterate to a fixed point; the passes' values
// have not needed it, and a body walked once reports once); and a
// backward goto ends its path, as its loop is not iterated either.

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Domain is what a pass contributes to a walk: its abstract state S at a
// point of a function, and what each statement does to it. States are
// changed in place; the walker copies one before it forks.
type Domain[S any] interface {
	// Copy returns a state the walk of one path may change without
	// changing s.
	Copy(s S) S
	// Join returns the state where the paths outs meet (never empty, all
	// reachable). pre is the state before the statement that forked them,
	// which the walk no longer uses: Join may change and return it.
	Join(pre S, outs []S) S
	// Branch is called with the state entering one arm of an if, switch
	// or select (c says which), before the arm's statements.
	Branch(s S, c Cond)
	// Eval evaluates e in s for its effects (the calls in it, the bodies
	// of its function literals, through Walker.Body); how its value is
	// used says use.
	Eval(s S, e ast.Expr, use Use)
	// Assign applies an assignment to s.
	Assign(s S, a Assignment)
	// Return is called at a return statement, before its path ends.
	Return(s S, ret *ast.ReturnStmt)
}

// Dead is implemented by a domain that judges code no path reaches (a
// statement after a return, or after a call that the walker takes to
// never return but that does): it is walked from the state Dead
// returns.
type Dead[S any] interface {
	Dead() S
}

// Use says how the value of an expression given to Domain.Eval is used.
type Use int

const (
	// UseValue: the statement uses the value (a condition, a switch tag
	// or case, a range operand, a channel or value sent, an inc/dec
	// operand).
	UseValue Use = iota
	// UseDiscard: an expression statement; its value is dropped.
	UseDiscard
	// UseGo, UseDefer: the call of a go or defer statement.
	UseGo
	UseDefer
)

// Assignment is one assignment: an assignment statement, a var
// declaration's spec, or the key and value of a range statement.
type Assignment struct {
	Lhs []ast.Expr
	// Rhs is nil for a var declaration without values (the names start
	// as zero values), and the range operand (already evaluated) for a
	// range statement.
	Rhs []ast.Expr
	// Tok is token.DEFINE (also for var declarations), token.ASSIGN, an
	// operator assignment (token.ADD_ASSIGN, ...), or token.RANGE for the
	// key and value of a range statement (whatever its own token).
	Tok token.Token
	// Node is the *ast.AssignStmt, *ast.ValueSpec or *ast.RangeStmt.
	Node ast.Node
}

// Cond says which arm of a branching statement a state enters.
type Cond struct {
	// Stmt is the *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt or
	// *ast.SelectStmt.
	Stmt ast.Stmt
	// Else: the else arm of an if (the condition is false); the then arm
	// otherwise.
	Else bool
	// Clause is the *ast.CaseClause or *ast.CommClause of a switch or
	// select arm.
	Clause ast.Stmt
}

// Walker walks the statements of function bodies for one domain. It is
// not safe for concurrent use; one walker serves every function of a
// package, function literals included (Body nests).
type Walker[S any] struct {
	Info   *types.Info
	Domain Domain[S]
	fn     *body[S] // the body being walked
}

// body is the walk of one function body: its jump targets.
type body[S any] struct {
	targets []*target[S]        // enclosing breakable statements, innermost last
	gotos   map[string][]S      // states of forward gotos, by label
	passed  map[string]bool     // labels already walked (goto to them goes backward)
	labels  map[ast.Stmt]string // statements by their label
}

// target is a statement break or continue can leave.
type target[S any] struct {
	stmt   ast.Stmt
	label  string
	loop   bool
	breaks []S
	conts  []S
	fall   []S // (switch clauses) the state of a fallthrough, for the next clause
}

// Body walks a function body (of a declaration or a literal) from state
// st, which it changes, and returns the state at its closing brace and
// whether a path reaches it.
func (w *Walker[S]) Body(b *ast.BlockStmt, st S) (S, bool) {
	saved := w.fn
	w.fn = &body[S]{}
	defer func() { w.fn = saved }()
	if b == nil {
		return st, true
	}
	return w.stmts(b.List, st, true)
}

// stmts walks a statement list from st (live: a path reaches its start).
func (w *Walker[S]) stmts(list []ast.Stmt, st S, live bool) (S, bool) {
	for _, s := range list {
		if ls, ok := s.(*ast.LabeledStmt); ok {
			st, live = w.label(ls, st, live)
		}
		if !live {
			d, ok := w.Domain.(Dead[S])
			if !ok {
				continue
			}
			st, live = d.Dead(), true
		}
		st, live = w.stmt(s, st)
	}
	return st, live
}

// label joins the forward gotos to ls into the state reaching it.
func (w *Walker[S]) label(ls *ast.LabeledStmt, st S, live bool) (S, bool) {
	name := ls.Label.Name
	if w.fn.passed == nil {
		w.fn.passed = make(map[string]bool)
		w.fn.labels = make(map[ast.Stmt]string)
	}
	w.fn.passed[name] = true
	w.fn.labels[ls.Stmt] = name
	gs := w.fn.gotos[name]
	delete(w.fn.gotos, name)
	switch {
	case len(gs) == 0:
		return st, live
	case live:
		return w.Domain.Join(w.Domain.Copy(st), append([]S{st}, gs...)), true
	case len(gs) == 1:
		return gs[0], true
	}
	return w.Domain.Join(w.Domain.Copy(gs[0]), gs), true
}

// stmt walks one statement reached by a path in state st.
func (w *Walker[S]) stmt(s ast.Stmt, st S) (S, bool) {
	d := w.Domain
	switch s := s.(type) {
	case *ast.BlockStmt:
		return w.stmts(s.List, st, true)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, st)
	case *ast.ExprStmt:
		d.Eval(st, s.X, UseDiscard)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && NoReturn(w.Info, call) {
			return st, false
		}
	case *ast.AssignStmt:
		d.Assign(st, Assignment{Lhs: s.Lhs, Rhs: s.Rhs, Tok: s.Tok, Node: s})
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				lhs := make([]ast.Expr, len(vs.Names))
				for i, n := range vs.Names {
					lhs[i] = n
				}
				d.Assign(st, Assignment{Lhs: lhs, Rhs: vs.Values, Tok: token.DEFINE, Node: vs})
			}
		}
	case *ast.IncDecStmt:
		d.Eval(st, s.X, UseValue)
	case *ast.SendStmt:
		d.Eval(st, s.Chan, UseValue)
		d.Eval(st, s.Value, UseValue)
	case *ast.GoStmt:
		d.Eval(st, s.Call, UseGo)
	case *ast.DeferStmt:
		d.Eval(st, s.Call, UseDefer)
	case *ast.ReturnStmt:
		d.Return(st, s)
		return st, false
	case *ast.BranchStmt:
		w.jump(s, st)
		return st, false
	case *ast.IfStmt:
		return w.ifStmt(s, st)
	case *ast.SwitchStmt:
		return w.switchStmt(s, s.Init, s.Body, st, func(st S) (S, bool) {
			if s.Tag != nil {
				d.Eval(st, s.Tag, UseValue)
			}
			return st, true
		})
	case *ast.TypeSwitchStmt:
		return w.switchStmt(s, s.Init, s.Body, st, func(st S) (S, bool) { return w.stmt(s.Assign, st) })
	case *ast.SelectStmt:
		return w.selectStmt(s, st)
	case *ast.ForStmt:
		return w.forStmt(s, st)
	case *ast.RangeStmt:
		return w.rangeStmt(s, st)
	}
	return st, true
}

// init walks the init statement of an if or switch.
func (w *Walker[S]) init(s ast.Stmt, st S) (S, bool) {
	if s == nil {
		return st, true
	}
	return w.stmt(s, st)
}

// join is the state after a statement that forked pre into the paths
// outs (the reachable ones).
func (w *Walker[S]) join(pre S, outs []S) (S, bool) {
	if len(outs) == 0 {
		return pre, false
	}
	return w.Domain.Join(pre, outs), true
}

func (w *Walker[S]) ifStmt(s *ast.IfStmt, st S) (S, bool) {
	d := w.Domain
	st, live := w.init(s.Init, st)
	if !live {
		return st, false
	}
	d.Eval(st, s.Cond, UseValue)
	var outs []S
	th := d.Copy(st)
	d.Branch(th, Cond{Stmt: s})
	if th, live := w.stmts(s.Body.List, th, true); live {
		outs = append(outs, th)
	}
	el := d.Copy(st)
	d.Branch(el, Cond{Stmt: s, Else: true})
	live = true
	if s.Else != nil {
		el, live = w.stmt(s.Else, el)
	}
	if live {
		outs = append(outs, el)
	}
	return w.join(st, outs)
}

// switchStmt walks an expression or type switch; head walks its tag or
// assignment after the init statement.
func (w *Walker[S]) switchStmt(s, init ast.Stmt, b *ast.BlockStmt, st S, head func(S) (S, bool)) (S, bool) {
	d := w.Domain
	st, live := w.init(init, st)
	if live {
		st, live = head(st)
	}
	if !live {
		return st, false
	}
	t := w.push(s, false)
	defer w.pop()
	var outs []S
	hasDefault := false
	for _, cl := range b.List {
		cc := cl.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		}
		for _, e := range cc.List {
			d.Eval(st, e, UseValue)
		}
		in := d.Copy(st)
		d.Branch(in, Cond{Stmt: s, Clause: cc})
		if fall := t.fall; len(fall) > 0 {
			t.fall = nil
			in = d.Join(d.Copy(st), append([]S{in}, fall...))
		}
		if end, live := w.stmts(cc.Body, in, true); live {
			outs = append(outs, end)
		}
	}
	if !hasDefault {
		outs = append(outs, d.Copy(st))
	}
	return w.join(st, append(outs, t.breaks...))
}

func (w *Walker[S]) selectStmt(s *ast.SelectStmt, st S) (S, bool) {
	d := w.Domain
	t := w.push(s, false)
	defer w.pop()
	var outs []S
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CommClause)
		in := d.Copy(st)
		d.Branch(in, Cond{Stmt: s, Clause: cc})
		live := true
		if cc.Comm != nil {
			in, live = w.stmt(cc.Comm, in)
		}
		if live {
			if end, live := w.stmts(cc.Body, in, true); live {
				outs = append(outs, end)
			}
		}
	}
	// select {} blocks forever.
	return w.join(st, append(outs, t.breaks...))
}

func (w *Walker[S]) forStmt(s *ast.ForStmt, st S) (S, bool) {
	d := w.Domain
	st, live := w.init(s.Init, st)
	if !live {
		return st, false
	}
	if s.Cond != nil {
		d.Eval(st, s.Cond, UseValue)
	}
	t := w.push(s, true)
	defer w.pop()
	back, live := w.stmts(s.Body.List, d.Copy(st), true)
	var backs []S
	if live {
		backs = append(backs, back)
	}
	backs = append(backs, t.conts...)
	if s.Post != nil && len(backs) > 0 {
		// The post statement runs at the end of each iteration.
		if len(backs) > 1 {
			backs = []S{d.Join(d.Copy(st), backs)}
		}
		if back, live := w.stmt(s.Post, backs[0]); live {
			backs = []S{back}
		} else {
			backs = nil
		}
	}
	var outs []S
	if s.Cond != nil {
		// The condition may be false before any iteration or after one.
		outs = append(append(outs, d.Copy(st)), backs...)
	}
	return w.join(st, append(outs, t.breaks...))
}

func (w *Walker[S]) rangeStmt(s *ast.RangeStmt, st S) (S, bool) {
	d := w.Domain
	d.Eval(st, s.X, UseValue)
	t := w.push(s, true)
	defer w.pop()
	in := d.Copy(st)
	var lhs []ast.Expr
	for _, e := range []ast.Expr{s.Key, s.Value} {
		if e != nil {
			lhs = append(lhs, e)
		}
	}
	if len(lhs) > 0 {
		d.Assign(in, Assignment{Lhs: lhs, Rhs: []ast.Expr{s.X}, Tok: token.RANGE, Node: s})
	}
	outs := []S{d.Copy(st)}
	if end, live := w.stmts(s.Body.List, in, true); live {
		outs = append(outs, end)
	}
	outs = append(outs, t.conts...)
	return w.join(st, append(outs, t.breaks...))
}

// push enters a statement break (and, for a loop, continue) can leave.
func (w *Walker[S]) push(s ast.Stmt, loop bool) *target[S] {
	t := &target[S]{stmt: s, loop: loop, label: w.fn.labels[s]}
	w.fn.targets = append(w.fn.targets, t)
	return t
}

func (w *Walker[S]) pop() { w.fn.targets = w.fn.targets[:len(w.fn.targets)-1] }

// jump sends the state of a break, continue, goto or fallthrough to its
// target. A jump whose target is not seen (a backward goto, broken code)
// ends its path.
func (w *Walker[S]) jump(s *ast.BranchStmt, st S) {
	label := ""
	if s.Label != nil {
		label = s.Label.Name
	}
	switch s.Tok {
	case token.GOTO:
		if label == "" || w.fn.passed[label] {
			return
		}
		if w.fn.gotos == nil {
			w.fn.gotos = make(map[string][]S)
		}
		w.fn.gotos[label] = append(w.fn.gotos[label], st)
		return
	case token.FALLTHROUGH:
		if t := w.innermost(func(t *target[S]) bool { return true }); t != nil && !t.loop {
			t.fall = append(t.fall, st)
		}
		return
	}
	match := func(t *target[S]) bool {
		if label != "" {
			return t.label == label
		}
		return s.Tok == token.BREAK || t.loop
	}
	t := w.innermost(match)
	switch {
	case t == nil:
	case s.Tok == token.BREAK:
		t.breaks = append(t.breaks, st)
	case s.Tok == token.CONTINUE && t.loop:
		t.conts = append(t.conts, st)
	}
}

// innermost is the innermost enclosing target that match accepts.
func (w *Walker[S]) innermost(match func(*target[S]) bool) *target[S] {
	for i := len(w.fn.targets) - 1; i >= 0; i-- {
		if match(w.fn.targets[i]) {
			return w.fn.targets[i]
		}
	}
	return nil
}
