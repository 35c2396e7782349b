package authtest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grpcauthlint/grpcauthlint/authtest"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	testpb "google.golang.org/grpc/interop/grpc_testing"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/tap"
	"google.golang.org/grpc/test/bufconn"
)

// testService implements some of TestService's methods, leaving
// HalfDuplexCall and UnimplementedCall to UnimplementedTestServiceServer.
type testService struct {
	testpb.UnimplementedTestServiceServer
}

func (testService) EmptyCall(context.Context, *testpb.Empty) (*testpb.Empty, error) {
	return &testpb.Empty{}, nil
}

func (testService) UnaryCall(context.Context, *testpb.SimpleRequest) (*testpb.SimpleResponse, error) {
	return &testpb.SimpleResponse{}, nil
}

func (testService) CacheableUnaryCall(context.Context, *testpb.SimpleRequest) (*testpb.SimpleResponse, error) {
	return &testpb.SimpleResponse{}, nil
}

func (testService) StreamingOutputCall(_ *testpb.StreamingOutputCallRequest, st grpc.ServerStreamingServer[testpb.StreamingOutputCallResponse]) error {
	return st.Send(&testpb.StreamingOutputCallResponse{})
}

func (testService) StreamingInputCall(st grpc.ClientStreamingServer[testpb.StreamingInputCallRequest, testpb.StreamingInputCallResponse]) error {
	for {
		if _, err := st.Recv(); err == io.EOF {
			return st.SendAndClose(&testpb.StreamingInputCallResponse{})
		} else if err != nil {
			return err
		}
	}
}

func (testService) FullDuplexCall(st grpc.BidiStreamingServer[testpb.StreamingOutputCallRequest, testpb.StreamingOutputCallResponse]) error {
	for {
		if _, err := st.Recv(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// Method names of TestService.
const (
	emptyCall           = testpb.TestService_EmptyCall_FullMethodName
	unaryCall           = testpb.TestService_UnaryCall_FullMethodName
	cacheableUnaryCall  = testpb.TestService_CacheableUnaryCall_FullMethodName
	streamingOutputCall = testpb.TestService_StreamingOutputCall_FullMethodName
	streamingInputCall  = testpb.TestService_StreamingInputCall_FullMethodName
	fullDuplexCall      = testpb.TestService_FullDuplexCall_FullMethodName
	halfDuplexCall      = testpb.TestService_HalfDuplexCall_FullMethodName
	unimplementedCall   = testpb.TestService_UnimplementedCall_FullMethodName
)

const token = "Bearer s3cret"

func authenticate(ctx context.Context) error {
	if v := metadata.ValueFromIncomingContext(ctx, "authorization"); len(v) == 0 || v[0] != token {
		return status.Error(codes.Unauthenticated, "missing or invalid token")
	}
	return nil
}

func authUnary(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if err := authenticate(ctx); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func authStream(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	if err := authenticate(ss.Context()); err != nil {
		return err
	}
	return h(srv, ss)
}

// fullAuth is a server option set that authenticates every RPC.
var fullAuth = []grpc.ServerOption{
	grpc.ChainUnaryInterceptor(authUnary),
	grpc.ChainStreamInterceptor(authStream),
}

// newServer returns a server with TestService, health and reflection.
func newServer(t testing.TB, opts ...grpc.ServerOption) *grpc.Server {
	srv := grpc.NewServer(opts...)
	testpb.RegisterTestServiceServer(srv, testService{})
	healthpb.RegisterHealthServer(srv, health.NewServer())
	reflection.Register(srv)
	t.Cleanup(srv.Stop)
	return srv
}

func check(t *testing.T, srv *grpc.Server, opts ...authtest.Option) *authtest.Report {
	t.Helper()
	rep, err := authtest.Check(t.Context(), srv, opts...)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return rep
}

func methods(rs []authtest.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Method)
	}
	return out
}

func codesOf(rs []authtest.Result) map[string]codes.Code {
	out := map[string]codes.Code{}
	for _, r := range rs {
		out[r.Method] = r.Code
	}
	return out
}

func wantMethods(t *testing.T, what string, got []authtest.Result, want ...string) {
	t.Helper()
	slices.Sort(want)
	if g := methods(got); !slices.Equal(g, want) {
		t.Errorf("%s = %q, want %q", what, g, want)
	}
}

func TestFullAuthPasses(t *testing.T) {
	rep := check(t, newServer(t, fullAuth...))
	wantMethods(t, "Unprotected", rep.Unprotected())
	wantMethods(t, "Unimplemented", rep.Unimplemented())
	kinds := map[string]string{}
	exempt := 0
	for _, r := range rep.Results {
		kinds[r.Method] = r.Kind()
		if r.Exempt {
			exempt++
			if !strings.HasPrefix(r.Method, "/grpc.health.v1.Health/") && !strings.HasPrefix(r.Method, "/grpc.reflection.") {
				t.Errorf("%s is exempt", r.Method)
			}
			continue
		}
		if r.Code != codes.Unauthenticated || r.Reason() != "requires a token" {
			t.Errorf("%s: %v %q (%s), want Unauthenticated", r.Method, r.Code, r.Message, r.Reason())
		}
	}
	// health Check, List and Watch, reflection v1 and v1alpha.
	if exempt != 5 {
		t.Errorf("%d exempt methods, want 5:\n%s", exempt, rep)
	}
	for m, k := range map[string]string{
		emptyCall:           "unary",
		streamingOutputCall: "server stream",
		streamingInputCall:  "client stream",
		fullDuplexCall:      "bidi stream",
	} {
		if kinds[m] != k {
			t.Errorf("kind of %s = %q, want %q", m, kinds[m], k)
		}
	}
	if len(rep.Results) != 13 {
		t.Errorf("%d results, want 13 (8 TestService, 3 health, 2 reflection):\n%s", len(rep.Results), rep)
	}
	authtest.Require(t, newServer(t, fullAuth...))
}

func TestUnaryOnlyAuthFailsStreams(t *testing.T) {
	rep := check(t, newServer(t, grpc.UnaryInterceptor(authUnary)))
	wantMethods(t, "Unprotected", rep.Unprotected(), streamingOutputCall, streamingInputCall, fullDuplexCall)
	wantMethods(t, "Unimplemented", rep.Unimplemented(), halfDuplexCall)
	for _, r := range rep.Unprotected() {
		if r.Code != codes.OK || r.Reason() != "served without a token" {
			t.Errorf("%s: %v (%s), want OK, served without a token", r.Method, r.Code, r.Reason())
		}
	}
}

func TestNoAuthAtAll(t *testing.T) {
	rep := check(t, newServer(t))
	wantMethods(t, "Unprotected", rep.Unprotected(),
		emptyCall, unaryCall, cacheableUnaryCall, streamingOutputCall, streamingInputCall, fullDuplexCall)
	wantMethods(t, "Unimplemented", rep.Unimplemented(), halfDuplexCall, unimplementedCall)
}

// A policy table that lets through every method it does not list: the
// methods left out of it are served without a token.
func TestFailOpenPolicyTable(t *testing.T) {
	rules := map[string]string{ // method -> required role
		emptyCall:           "reader",
		cacheableUnaryCall:  "reader",
		streamingOutputCall: "reader",
		streamingInputCall:  "writer",
		halfDuplexCall:      "writer",
		unimplementedCall:   "admin",
	}
	unary := func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		if _, ok := rules[info.FullMethod]; !ok {
			return h(ctx, req)
		}
		if err := authenticate(ctx); err != nil {
			return nil, err
		}
		return h(ctx, req)
	}
	stream := func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		if _, ok := rules[info.FullMethod]; !ok {
			return h(srv, ss)
		}
		if err := authenticate(ss.Context()); err != nil {
			return err
		}
		return h(srv, ss)
	}
	rep := check(t, newServer(t, grpc.UnaryInterceptor(unary), grpc.StreamInterceptor(stream)))
	wantMethods(t, "Unprotected", rep.Unprotected(), unaryCall, fullDuplexCall)
	wantMethods(t, "Unimplemented", rep.Unimplemented())
}

// A validating interceptor chained before auth answers InvalidArgument to a
// caller without a token.
func TestValidationBeforeAuth(t *testing.T) {
	validate := func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		if r, ok := req.(*testpb.SimpleRequest); ok && r.GetResponseSize() <= 0 {
			return nil, status.Error(codes.InvalidArgument, "response_size must be positive")
		}
		return h(ctx, req)
	}
	rep := check(t, newServer(t, grpc.ChainUnaryInterceptor(validate, authUnary), grpc.ChainStreamInterceptor(authStream)))
	wantMethods(t, "Unprotected", rep.Unprotected(), unaryCall, cacheableUnaryCall)
	for _, r := range rep.Unprotected() {
		if r.Code != codes.InvalidArgument || !strings.HasPrefix(r.Reason(), "validated before auth") {
			t.Errorf("%s: %v (%s), want InvalidArgument, validated before auth", r.Method, r.Code, r.Reason())
		}
	}
}

// An auth interceptor that rejects with a plain error: the client sees
// Unknown.
func TestPlainErrorAuthIsUnknown(t *testing.T) {
	errNoToken := errors.New("no token")
	unary := func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		if metadata.ValueFromIncomingContext(ctx, "authorization") == nil {
			return nil, errNoToken
		}
		return h(ctx, req)
	}
	stream := func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		if metadata.ValueFromIncomingContext(ss.Context(), "authorization") == nil {
			return errNoToken
		}
		return h(srv, ss)
	}
	rep := check(t, newServer(t, grpc.UnaryInterceptor(unary), grpc.StreamInterceptor(stream)))
	if n := len(rep.Unprotected()); n != 8 {
		t.Errorf("%d unprotected, want all 8 TestService methods:\n%s", n, rep)
	}
	for _, r := range rep.Unprotected() {
		if r.Code != codes.Unknown || !strings.Contains(r.Reason(), "return status.Error(codes.Unauthenticated, ...)") {
			t.Errorf("%s: %v (%s), want Unknown", r.Method, r.Code, r.Reason())
		}
	}
}

func TestStaleExemptionIsAnError(t *testing.T) {
	srv := newServer(t, fullAuth...)
	for _, tc := range []struct {
		opt  authtest.Option
		want string
	}{
		{authtest.Exempt("/grpc.testing.TestService/RemovedCall"), `Exempt("/grpc.testing.TestService/RemovedCall") names no registered method`},
		{authtest.Exempt("grpc.testing.TestService/EmptyCall"), `(did you mean "/grpc.testing.TestService/EmptyCall"?)`},
		{authtest.Exempt("/grpc.testing.TestService/emptyCall"), `(did you mean "/grpc.testing.TestService/EmptyCall"?)`},
		{authtest.ExemptService("grpc.testing.RemovedService"), `ExemptService("grpc.testing.RemovedService") names no registered service`},
		{authtest.NoDefaultExemptions("grpc.testing.TestService"), `not a default exemption`},
	} {
		rep, err := authtest.Check(t.Context(), srv, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Check: %v, %v; want an error containing %q", rep, err, tc.want)
		}
	}
	// Exemptions that name registered methods are not errors.
	rep := check(t, srv, authtest.Exempt(emptyCall, authtest.UnregisteredMethod), authtest.ExemptService("grpc.testing.TestService"))
	wantMethods(t, "Unprotected", rep.Unprotected())
}

func TestExemptions(t *testing.T) {
	srv := newServer(t, grpc.UnaryInterceptor(authUnary))
	rep := check(t, srv, authtest.Exempt(streamingOutputCall, streamingInputCall))
	wantMethods(t, "Unprotected", rep.Unprotected(), fullDuplexCall)
	rep = check(t, srv, authtest.ExemptService("grpc.testing.TestService"))
	wantMethods(t, "Unprotected", rep.Unprotected())

	// Health is exempt by default; its Watch streams without end.
	rep = check(t, srv, authtest.Exempt(streamingOutputCall, streamingInputCall, fullDuplexCall), authtest.NoDefaultExemptions("grpc.health.v1.Health"))
	wantMethods(t, "Unprotected", rep.Unprotected(), "/grpc.health.v1.Health/Watch")
	rep = check(t, srv, authtest.Exempt(streamingOutputCall, streamingInputCall, fullDuplexCall), authtest.NoDefaultExemptions())
	if n := len(rep.Unprotected()); n != 3 {
		t.Errorf("%d unprotected, want health's Watch and reflection's 2:\n%s", n, rep)
	}
}

// A handler that never returns (and ignores its context) ends at the
// deadline; Check returns.
func TestBlockingHandlerEndsAtDeadline(t *testing.T) {
	release := make(chan struct{})
	srv := grpc.NewServer()
	testpb.RegisterTestServiceServer(srv, blockingService{release: release})
	t.Cleanup(func() { close(release); srv.Stop() })
	rep := check(t, srv, authtest.Timeout(100*time.Millisecond))
	got := codesOf(rep.Results)
	for _, m := range []string{emptyCall, fullDuplexCall} {
		if got[m] != codes.DeadlineExceeded {
			t.Errorf("%s: %v, want DeadlineExceeded:\n%s", m, got[m], rep)
		}
	}
}

type blockingService struct {
	testpb.UnimplementedTestServiceServer
	release chan struct{}
}

func (s blockingService) EmptyCall(context.Context, *testpb.Empty) (*testpb.Empty, error) {
	<-s.release
	return &testpb.Empty{}, nil
}

func (s blockingService) FullDuplexCall(grpc.BidiStreamingServer[testpb.StreamingOutputCallRequest, testpb.StreamingOutputCallResponse]) error {
	<-s.release
	return nil
}

// The tenant header is checked before the token: WithMetadata sends it.
func TestWithMetadata(t *testing.T) {
	tenant := func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		if metadata.ValueFromIncomingContext(ctx, "x-tenant") == nil {
			return nil, status.Error(codes.InvalidArgument, "x-tenant missing")
		}
		return h(ctx, req)
	}
	srv := newServer(t, grpc.ChainUnaryInterceptor(tenant, authUnary), grpc.ChainStreamInterceptor(authStream))
	rep := check(t, srv)
	wantMethods(t, "Unprotected", rep.Unprotected(), emptyCall, unaryCall, cacheableUnaryCall, unimplementedCall)
	rep = check(t, srv, authtest.WithMetadata(metadata.Pairs("x-tenant", "acme")))
	wantMethods(t, "Unprotected", rep.Unprotected())
}

func TestUnknownServiceHandler(t *testing.T) {
	proxy := func(any, grpc.ServerStream) error { return nil }

	rep := check(t, newServer(t, append(fullAuth, grpc.UnknownServiceHandler(proxy))...))
	got := codesOf(rep.Results)
	if c, ok := got[authtest.UnregisteredMethod]; !ok || c != codes.Unauthenticated {
		t.Errorf("unknown-service probe: %v (present %v), want Unauthenticated:\n%s", c, ok, rep)
	}
	wantMethods(t, "Unprotected", rep.Unprotected())

	rep = check(t, newServer(t, grpc.UnaryInterceptor(authUnary), grpc.UnknownServiceHandler(proxy)), authtest.ExemptService("grpc.testing.TestService"))
	wantMethods(t, "Unprotected", rep.Unprotected(), authtest.UnregisteredMethod)
	if r := rep.Unprotected()[0]; r.Reason() != "unknown-service handler served without a token" || r.Kind() != "bidi stream" {
		t.Errorf("probe: %s %q", r.Kind(), r.Reason())
	}

	// Without a handler grpc-go answers Unimplemented: no probe result.
	rep = check(t, newServer(t))
	if _, ok := codesOf(rep.Results)[authtest.UnregisteredMethod]; ok {
		t.Errorf("probe reported for a server without an unknown-service handler:\n%s", rep)
	}
}

// Check leaves the server serving: it can be served again afterwards.
func TestServerStaysUsable(t *testing.T) {
	srv := newServer(t, fullAuth...)
	check(t, srv)
	check(t, srv)

	lis := bufconn.Listen(1 << 16)
	go srv.Serve(lis)
	cc, err := grpc.NewClient("passthrough:///bufconn",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer cc.Close()
	ctx := metadata.AppendToOutgoingContext(t.Context(), "authorization", token)
	if _, err := testpb.NewTestServiceClient(cc).EmptyCall(ctx, &testpb.Empty{}); err != nil {
		t.Errorf("EmptyCall after Check: %v", err)
	}
}

func TestStoppedServerIsAnError(t *testing.T) {
	srv := newServer(t, fullAuth...)
	srv.Stop()
	_, err := authtest.Check(t.Context(), srv, authtest.Timeout(time.Second))
	if err == nil || !strings.Contains(err.Error(), "server has been stopped") {
		t.Errorf("Check of a stopped server: %v", err)
	}
	if _, err := authtest.Check(t.Context(), grpc.NewServer()); err == nil || !strings.Contains(err.Error(), "registers no service") {
		t.Errorf("Check of an empty server: %v", err)
	}
}

// fakeT records what Require reports.
type fakeT struct {
	testing.TB
	mu     sync.Mutex
	fatals []string
	errors []string
	logs   []string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}

func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeT) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}

func TestRequire(t *testing.T) {
	ft := &fakeT{TB: t}
	authtest.Require(ft, newServer(t, grpc.UnaryInterceptor(authUnary)))
	if len(ft.fatals) != 1 || len(ft.errors) != 0 {
		t.Fatalf("Require on unary-only auth: fatals %q, errors %q; want one Fatalf", ft.fatals, ft.errors)
	}
	msg := ft.fatals[0]
	t.Logf("Require's failure:\n%s", msg)
	for _, want := range []string{
		"authtest: 3 of 8 methods called without a token did not answer codes.Unauthenticated:",
		"METHOD ", " KIND ", " CODE ", " REASON",
		"/grpc.testing.TestService/FullDuplexCall       bidi stream    OK    served without a token",
		"/grpc.testing.TestService/StreamingInputCall   client stream  OK    served without a token",
		"/grpc.testing.TestService/StreamingOutputCall  server stream  OK    served without a token",
		"not failed, Unimplemented to every caller (FailUnimplemented fails them):\n  /grpc.testing.TestService/HalfDuplexCall\n",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("failure text lacks %q", want)
		}
	}
	if strings.Contains(msg, "EmptyCall") {
		t.Errorf("failure text names a protected method")
	}

	ft = &fakeT{TB: t}
	authtest.Require(ft, newServer(t, grpc.UnaryInterceptor(authUnary)), authtest.FailUnimplemented())
	if len(ft.fatals) != 1 || !strings.Contains(ft.fatals[0], "4 of 8 methods") ||
		!strings.Contains(ft.fatals[0], "HalfDuplexCall       bidi stream    Unimplemented  not implemented") {
		t.Errorf("Require with FailUnimplemented: %q", ft.fatals)
	}

	ft = &fakeT{TB: t}
	authtest.Require(ft, newServer(t, fullAuth...))
	if len(ft.fatals)+len(ft.errors)+len(ft.logs) != 0 {
		t.Errorf("Require on full auth: fatals %q, errors %q, logs %q", ft.fatals, ft.errors, ft.logs)
	}

	ft = &fakeT{TB: t}
	authtest.Require(ft, newServer(t, fullAuth...), authtest.Exempt("/grpc.testing.TestService/Gone"))
	if len(ft.fatals) != 1 || !strings.Contains(ft.fatals[0], `Exempt("/grpc.testing.TestService/Gone") names no registered method`) {
		t.Errorf("Require with a stale exemption: %q", ft.fatals)
	}
}

// A tap handle that rejects calls without a token is seen like an
// interceptor.
func TestInTapHandle(t *testing.T) {
	gate := func(ctx context.Context, info *tap.Info) (context.Context, error) {
		if v := info.Header.Get("authorization"); len(v) == 0 || v[0] != token {
			return nil, status.Error(codes.Unauthenticated, "missing or invalid token")
		}
		return ctx, nil
	}
	rep := check(t, newServer(t, grpc.InTapHandle(gate)))
	wantMethods(t, "Unprotected", rep.Unprotected())
	wantMethods(t, "Unimplemented", rep.Unimplemented())
}

func TestCanceledContextIsAnError(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := authtest.Check(ctx, newServer(t, fullAuth...)); !errors.Is(err, context.Canceled) {
		t.Errorf("Check with a canceled context: %v, want context.Canceled", err)
	}
}
