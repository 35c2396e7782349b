package authtest

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"google.golang.org/grpc/codes"
)

// Reason says in one line what r's answer means.
func (r Result) Reason() string {
	why := r.reason()
	if r.Method == UnregisteredMethod && !r.Exempt {
		return "unknown-service handler " + why
	}
	return why
}

func (r Result) reason() string {
	if r.Exempt {
		return "exempt, not called"
	}
	switch r.Code {
	case codes.Unauthenticated:
		return "requires a token"
	case codes.OK:
		return "served without a token"
	case codes.Unknown:
		return "rejected with Unknown (" + short(r.Message) + "): return status.Error(codes.Unauthenticated, ...)"
	case codes.InvalidArgument:
		return "validated before auth (" + short(r.Message) + "): authenticate first"
	case codes.DeadlineExceeded:
		return "still running at the deadline: the handler ran without a token"
	case codes.PermissionDenied:
		return "rejected with PermissionDenied: a missing token is codes.Unauthenticated"
	case codes.Unimplemented:
		return "not implemented: answers every caller alike, before any auth check"
	}
	return "answered " + r.Code.String() + " (" + short(r.Message) + ")"
}

// short makes a status message fit in a table cell.
func short(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	if msg == "" {
		return "no message"
	}
	if r := []rune(msg); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return msg
}

// String is a table of every result: method, kind, code and reason.
func (r *Report) String() string {
	return table(r.Results)
}

func table(results []Result) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "METHOD\tKIND\tCODE\tREASON")
	for _, r := range results {
		code := r.Code.String()
		if r.Exempt {
			code = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.Method, r.Kind(), code, r.Reason())
	}
	w.Flush()
	return b.String()
}
