// Package lib exports functions the harness analyzer keeps facts about.
package lib

func Bad() {}

func WrapBad() { // want WrapBad:"wraps bad"
	Bad() // want "call of Bad"
}
