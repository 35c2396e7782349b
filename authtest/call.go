package authtest

import (
	"context"
	"io"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// rawCodec sends every request as zero bytes, which decode into the zero
// value of any protobuf message, and discards what the server sends. Its
// name, "proto", is the content-subtype, so the server decodes the request
// with its own proto codec.
type rawCodec struct{}

func (rawCodec) Marshal(any) (mem.BufferSlice, error) { return nil, nil }
func (rawCodec) Unmarshal(mem.BufferSlice, any) error { return nil }
func (rawCodec) Name() string                         { return "proto" }

// message is what rawCodec marshals and unmarshals: nothing.
type message struct{}

// call makes one call of r's method without a token and returns the code
// and message it ended with. Unary methods get an empty request. Streams
// are opened and half-closed; a server stream first gets one empty
// request, which its generated handler reads before it calls the method.
// Reading stops at the status, or at the first message of a server
// stream: a message means the method served the call.
func call(ctx context.Context, cc *grpc.ClientConn, cfg *config, r *Result) (codes.Code, string) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	if len(cfg.md) > 0 {
		ctx = metadata.NewOutgoingContext(ctx, cfg.md.Copy())
	}
	codec := grpc.ForceCodecV2(rawCodec{})
	if !r.ClientStream && !r.ServerStream {
		return answer(cc.Invoke(ctx, r.Method, &message{}, &message{}, codec))
	}
	desc := &grpc.StreamDesc{ClientStreams: r.ClientStream, ServerStreams: r.ServerStream}
	st, err := cc.NewStream(ctx, desc, r.Method, codec)
	if err != nil {
		return answer(err)
	}
	if !r.ClientStream {
		// An error here (io.EOF: the server has ended the stream) is
		// the status RecvMsg returns.
		_ = st.SendMsg(&message{})
	}
	if err := st.CloseSend(); err != nil {
		return answer(err)
	}
	err = st.RecvMsg(&message{})
	if err == nil && r.ServerStream {
		return codes.OK, "sent a message"
	}
	if err == io.EOF {
		err = nil
	}
	return answer(err)
}

func answer(err error) (codes.Code, string) {
	s := status.Convert(err)
	return s.Code(), s.Message()
}
