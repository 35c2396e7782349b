package credpath

import (
	"go/ast"
	"go/token"
	"path"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The values of paths: constants, joins and concatenations of them, and
// the bytes of files read from a constant path.

const maxDepth = 8

// pathOf returns the constant path e holds.
func (c *checker) pathOf(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth || e == nil {
		return "", false
	}
	if s, ok := lintutil.ConstString(c.pass.TypesInfo, e); ok {
		return s, true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := lintutil.Callee(c.pass.TypesInfo, e)
		if fn == nil || e.Ellipsis.IsValid() || !joiners[lintutil.FuncKey(fn)] {
			return "", false
		}
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			s, ok := c.pathOf(a, depth+1)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return path.Join(parts...), true
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := c.pathOf(e.X, depth+1)
		if !ok {
			return "", false
		}
		y, ok := c.pathOf(e.Y, depth+1)
		return x + y, ok
	case *ast.Ident:
		if d, ok := c.singleDef(e); ok && d.Tuple < 0 {
			return c.pathOf(d.Rhs, depth+1)
		}
	}
	return "", false
}

// read is a constant path whose contents are read.
type read struct {
	at   ast.Expr // the path argument
	path string
}

// bytesOf returns the read whose bytes e holds, or nil.
func (c *checker) bytesOf(e ast.Expr, depth int) *read {
	if depth > maxDepth || e == nil {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.bytesOf(e.Args[0], depth+1) // []byte(s), string(b)
		}
	case *ast.SliceExpr:
		return c.bytesOf(e.X, depth+1)
	case *ast.Ident:
		d, ok := c.singleDef(e)
		switch {
		case !ok:
		case d.Tuple < 0:
			return c.bytesOf(d.Rhs, depth+1)
		case d.Tuple == 0:
			call, ok := ast.Unparen(d.Rhs).(*ast.CallExpr)
			if !ok {
				return nil
			}
			switch c.readKind(call) {
			case readFile:
				return c.readPath(call)
			case readAll:
				return c.fileOf(call.Args[0], depth+1)
			}
		}
	}
	return nil
}

// fileOf returns the read of the constant path whose file e holds.
func (c *checker) fileOf(e ast.Expr, depth int) *read {
	if depth > maxDepth {
		return nil
	}
	d, ok := c.singleDef(e)
	switch {
	case !ok:
	case d.Tuple < 0:
		return c.fileOf(d.Rhs, depth+1)
	case d.Tuple == 0:
		if call, ok := ast.Unparen(d.Rhs).(*ast.CallExpr); ok && c.readKind(call) == openFile {
			return c.readPath(call)
		}
	}
	return nil
}

func (c *checker) readKind(call *ast.CallExpr) readKind {
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	if fn == nil || len(call.Args) == 0 {
		return 0
	}
	return readers[lintutil.FuncKey(fn)]
}

func (c *checker) readPath(call *ast.CallExpr) *read {
	if p, ok := c.pathOf(call.Args[0], 0); ok {
		return &read{call.Args[0], p}
	}
	return nil
}
