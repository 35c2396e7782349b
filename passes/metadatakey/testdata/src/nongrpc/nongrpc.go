package nongrpc

import "net/http"

func f(h http.Header, m map[string][]string) {
	_ = h["Authorization"]
	_ = m["Authorization"]
	h.Set("X-Upper", "v")
	//grpcauthlint:ignore metadatakey this package cannot see grpc metadata: the fast path skips it
	_ = h["x"]
}
