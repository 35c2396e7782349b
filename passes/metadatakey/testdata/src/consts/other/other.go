package other

const AuthHeader = "Authorization"

const Prefix = "X-"
