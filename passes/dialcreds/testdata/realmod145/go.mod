module example.com/realmod145

go 1.24

require google.golang.org/grpc v1.45.0
