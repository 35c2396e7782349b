package dialcreds

import "testing"

func TestCredsName(t *testing.T) {
	for name, want := range map[string]bool{
		"Auth": true, "auth": true, "APIKey": true, "apiKey": true, "api_key": true, "Token": true,
		"accessToken": true, "RefreshToken": true, "Password": true, "Credentials": true, "creds": true,
		"OAuth": true, "AuthConfig": true,
		"Authority": false, "AuthMode": false, "TokenURL": false, "AuthEnabled": false, "PageToken": false,
		"NextToken": false, "Host": false, "Keyfile": false, "APIVersion": false, "Authz": false,
	} {
		if got := credsName(name); got != want {
			t.Errorf("credsName(%q) = %v, want %v", name, got, want)
		}
	}
}
