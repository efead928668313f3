# A short script for bench/startup.sh: what a small real script does (a loop, arithmetic, a pipeline,
# command substitutions, a case), so that its time in pipesh minus its time in bash is the overhead.
n=0
for f in a b c; do n=$((n+1)); done
echo "$n" | tr 1-9 a-i
x=$(printf '%s\n' one two | wc -l)
[ "$x" -eq 2 ] && echo ok
case "$n" in 3) greeting=hello ;; *) greeting=bye ;; esac
echo "$greeting $(basename /a/b/c.txt .txt)"
