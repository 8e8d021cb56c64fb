// Command dockerize is Saring's stand-in for the template renderer of the temporalio/base-server image
// (github.com/jwilder/dockerize), which the Go module proxy refuses to serve. It implements only what the pinned
// server image's entrypoint uses:
//
//	dockerize -template src:dest [-template src:dest ...] [command args...]
//
// Each template is rendered with Go's text/template, a context whose .Env holds the environment, sprig's text
// functions and dockerize's own helpers; then the command, if any, replaces this process.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

const version = "saring-standin (renders like dockerize v0.9.2)"

type templateList []string

func (t *templateList) String() string     { return strings.Join(*t, ",") }
func (t *templateList) Set(v string) error { *t = append(*t, v); return nil }

// context is what templates see as the dot.
type context struct {
	Env map[string]string
}

func environment() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if name, value, ok := strings.Cut(kv, "="); ok {
			env[name] = value
		}
	}
	return env
}

// orDefault returns its first argument unless it is nil (a missing .Env key), else the second.
func orDefault(args ...interface{}) (string, error) {
	if len(args) == 0 {
		return "", errors.New("default called with no values")
	}
	if args[0] != nil {
		s, ok := args[0].(string)
		if !ok {
			return fmt.Sprint(args[0]), nil
		}
		return s, nil
	}
	if len(args) < 2 || args[1] == nil {
		return "", errors.New("default called with no default value")
	}
	s, ok := args[1].(string)
	if !ok {
		return "", errors.New("default value is not a string: quote it")
	}
	return s, nil
}

func hasKey(m map[string]string, key string) bool {
	_, ok := m[key]
	return ok
}

func pathExists(path string) (bool, error) {
	_, err := os.Stat(path)
	if err == nil {
		return true, nil
	}
	if os.IsNotExist(err) {
		return false, nil
	}
	return false, err
}

func plus(a, b int) int { return a + b }

// loop yields integers: loop stop, loop start stop, or loop start stop step, counting up while below stop
// (like dockerize, a step that does not count up yields nothing).
func loop(args ...int) ([]int, error) {
	start, stop, step := 0, 0, 1
	switch len(args) {
	case 1:
		stop = args[0]
	case 2:
		start, stop = args[0], args[1]
	case 3:
		start, stop, step = args[0], args[1], args[2]
	default:
		return nil, fmt.Errorf("loop takes 1 to 3 arguments, got %d", len(args))
	}
	out := []int{}
	if step <= 0 {
		return out, nil
	}
	for i := start; i < stop; i += step {
		out = append(out, i)
	}
	return out, nil
}

func funcs() template.FuncMap {
	f := sprig.TxtFuncMap()
	own := template.FuncMap{
		"default":  orDefault,
		"contains": hasKey,
		"exists":   pathExists,
		"split":    strings.Split,
		"replace":  strings.Replace,
		"lower":    strings.ToLower,
		"upper":    strings.ToUpper,
		"atoi":     strconv.Atoi,
		"add":      plus,
		"isTrue":   strconv.ParseBool,
		"loop":     loop,
	}
	for name, fn := range own {
		f[name] = fn
	}
	return f
}

func render(src, dest string, ctx *context) error {
	content, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("reading template %s: %w", src, err)
	}
	tmpl, err := template.New(filepath.Base(src)).Funcs(funcs()).Parse(string(content))
	if err != nil {
		return fmt.Errorf("parsing template %s: %w", src, err)
	}
	out := os.Stdout
	if dest != "" {
		out, err = os.Create(dest)
		if err != nil {
			return fmt.Errorf("creating %s: %w", dest, err)
		}
		defer out.Close()
	}
	if err := tmpl.Execute(out, ctx); err != nil {
		return fmt.Errorf("rendering template %s: %w", src, err)
	}
	return nil
}

func main() {
	var templates templateList
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Var(&templates, "template", "src:dest (dest omitted: standard output); may be repeated")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return
	}
	ctx := &context{Env: environment()}
	for _, t := range templates {
		src, dest, _ := strings.Cut(t, ":")
		if err := render(src, dest, ctx); err != nil {
			fmt.Fprintln(os.Stderr, "dockerize:", err)
			os.Exit(1)
		}
	}
	args := flag.Args()
	if len(args) == 0 {
		return
	}
	program, err := exec.LookPath(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, "dockerize:", err)
		os.Exit(127)
	}
	if err := syscall.Exec(program, args, os.Environ()); err != nil {
		fmt.Fprintln(os.Stderr, "dockerize: exec", program+":", err)
		os.Exit(126)
	}
}
