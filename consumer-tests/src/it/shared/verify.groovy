// Shared by every consumer project (each verify.groovy evaluates it): the build ran exactly the
// project's tests, all passed, and none was skipped.
def reports = new File(basedir, 'target/surefire-reports')
assert reports.isDirectory() : "no Surefire reports in ${reports}: no test ran"
def suites = reports.listFiles().findAll { it.name ==~ /TEST-.*\.xml/ }.collect { new groovy.xml.XmlSlurper().parse(it) }
int tests = suites.sum { it.@tests.toInteger() } ?: 0
int failed = suites.sum { it.@failures.toInteger() + it.@errors.toInteger() } ?: 0
int skipped = suites.sum { it.@skipped.toInteger() } ?: 0
assert tests == 3 : "expected 3 tests to run in ${basedir.name}, but ${tests} ran"
assert failed == 0 && skipped == 0 : "${failed} failed, ${skipped} skipped in ${basedir.name}"
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : 'Surefire did not report 3 tests'
return true
