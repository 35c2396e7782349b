package perrpckeys

// The run-time proof of the metadatakey messages on GetRequestMetadata
// maps, with the real grpc-go v1.45 over an in-process bufconn
// connection: before v1.85 the transport lowercases the keys but
// validates nothing (internal/transport/http2_client.go), so an empty
// key, a key outside [0-9a-z-_.], a non-printable value and a
// ":"-prefixed key all go on the wire, the server's HTTP/2 framer resets
// the stream (PROTOCOL_ERROR), and the RPC fails with codes.Internal
// without reaching the server. Uppercase keys, -bin keys with raw bytes
// and user-agent arrive. The grpc185 module holds the same proof for
// v1.85, where the client rejects the first three itself. Run by
// passes/metadatakey's TestRuntime (skipped by -short).

import (
	"context"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
)

const rstStream = "stream terminated by RST_STREAM with error code: PROTOCOL_ERROR"

var cases = []runtimeCase{
	{"Colon", Colon{}, codes.Internal, rstStream, nil},
	{"Authority", Authority{}, codes.Internal, rstStream, nil},
	{"Empty", Empty{}, codes.Internal, rstStream, nil},
	{"Space", Space{}, codes.Internal, rstStream, nil},
	{"Control", Control{}, codes.Internal, rstStream, nil},
	{"Upper", Upper{}, codes.OK, "", map[string]string{"authorization": "Bearer t0ken"}},
	{"Binary", Binary{}, codes.OK, "", map[string]string{"authorization": "Bearer t0ken", "x-note-bin": "\x00\x01"}},
	{"UserAgent", UserAgent{}, codes.OK, "", map[string]string{"authorization": "Bearer t0ken", "user-agent": "mine"}},
}

// runtimeCase is one credentials value, the status its RPC ends with,
// and the metadata the server must see (nil: the call never reaches it).
type runtimeCase struct {
	name     string
	creds    credentials.PerRPCCredentials
	wantCode codes.Code
	wantMsg  string
	wantMD   map[string]string
}

func TestRuntime(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := make(chan metadata.MD, 1)
			lis := bufconn.Listen(1 << 20)
			srv := grpc.NewServer(grpc.UnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
				md, _ := metadata.FromIncomingContext(ctx)
				got <- md
				return handler(ctx, req)
			}))
			healthpb.RegisterHealthServer(srv, health.NewServer())
			go srv.Serve(lis)
			defer srv.Stop()
			conn, err := grpc.Dial("passthrough:///bufnet",
				grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
				grpc.WithTransportCredentials(insecure.NewCredentials()),
				grpc.WithPerRPCCredentials(tc.creds))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err = healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
			st := status.Convert(err)
			if st.Code() != tc.wantCode || st.Message() != tc.wantMsg {
				t.Errorf("Check: code %v, message %q; want %v, %q", st.Code(), st.Message(), tc.wantCode, tc.wantMsg)
			}
			var md metadata.MD
			select {
			case md = <-got:
			default:
			}
			if tc.wantMD == nil {
				if md != nil {
					t.Errorf("the call reached the server with metadata %v, want it rejected before", md)
				}
				return
			}
			if md == nil {
				t.Fatal("the call did not reach the server")
			}
			for k, want := range tc.wantMD {
				found := false
				for _, v := range md.Get(k) {
					found = found || v == want
				}
				if !found {
					t.Errorf("server saw %s = %q, want %q among them", k, md.Get(k), want)
				}
			}
		})
	}
}
