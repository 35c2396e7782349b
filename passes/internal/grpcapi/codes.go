package grpcapi

// Status codes as messages spell them: one spelling per code, the
// identifier a fix would write (codes.Unauthenticated, never
// UNAUTHENTICATED or "Unauthenticated").
const (
	CodeUnauthenticated  = "codes.Unauthenticated"
	CodePermissionDenied = "codes.PermissionDenied"
	CodeInternal         = "codes.Internal"
	CodeUnknown          = "codes.Unknown"
)
