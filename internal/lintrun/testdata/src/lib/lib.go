// Package lib exports functions the harness analyzer keeps facts about.
package lib

func Bad() {}

func BadN() int { return 0 }

func WrapBad() { // want WrapBad:"wraps bad"
	Bad() // want "call of Bad"
}
