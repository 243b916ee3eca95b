// What Maven Central asks of each published artifact, checked on what this build installs
// (target/it-repo): a POM with name, description, url, licenses, developers and scm (inherited from
// wsfixture-parent); beside each jar a sources and a Javadoc jar; a stable module name; and, so that
// no build (Gradle takes the highest version it sees) gets its JUnit from us, no JUnit dependency
// that a user would inherit. Unpublished modules skip deploy.
import java.util.jar.JarFile

def version = projectVersion
def repo = new File(localRepositoryPath, 'dev/wsfixture')
def slurp = { File f -> new groovy.xml.XmlSlurper().parse(f) }
def pomOf = { String artifact -> new File(repo, "${artifact}/${version}/${artifact}-${version}.pom") }
def problems = []

def metadata = { String artifact, pom ->
  ['name', 'description', 'url'].each { if (pom."$it".text().trim().isEmpty()) problems << "${artifact}: no <${it}>" }
  if (pom.licenses.license.name.text().isEmpty()) problems << "${artifact}: no <licenses>"
  if (pom.developers.developer.size() == 0) problems << "${artifact}: no <developers>"
  if (pom.scm.connection.text().isEmpty() || pom.scm.url.text().isEmpty()) problems << "${artifact}: no <scm>"
}

def parent = slurp(pomOf('wsfixture-parent'))
metadata('wsfixture-parent', parent)
def bom = slurp(pomOf('wsfixture-bom'))
metadata('wsfixture-bom', bom)
if (bom.parent.size() != 0) problems << 'wsfixture-bom: has a parent, whose dependencyManagement users would import'
if (bom.version.text() != version) problems << "wsfixture-bom: version ${bom.version.text()}, not ${version}"

def modules = [
  'wsfixture-api': 'dev.wsfixture.api',
  'wsfixture-wire': 'dev.wsfixture.wire',
  'wsfixture': 'dev.wsfixture',
  'wsfixture-server': 'dev.wsfixture.server',
  'wsfixture-junit-jupiter': 'dev.wsfixture.junit',
  'wsfixture-testcontainers': 'dev.wsfixture.testcontainers',
]
def managed = bom.dependencyManagement.dependencies.dependency.collect { it.artifactId.text() } as Set
if (managed != modules.keySet()) problems << "wsfixture-bom manages ${managed}, not ${modules.keySet()}"
if (bom.dependencyManagement.dependencies.dependency.any { it.groupId.text() != 'dev.wsfixture' }) {
  problems << 'wsfixture-bom manages more than wsfixture artifacts'
}

modules.each { artifact, moduleName ->
  def pom = slurp(pomOf(artifact))
  if (pom.parent.artifactId.text() != 'wsfixture-parent') problems << "${artifact}: parent is not wsfixture-parent"
  ['name', 'description'].each { if (pom."$it".text().trim().isEmpty()) problems << "${artifact}: no <${it}>" }
  ['', '-sources', '-javadoc'].each { suffix ->
    def jar = new File(repo, "${artifact}/${version}/${artifact}-${version}${suffix}.jar")
    if (!jar.isFile()) problems << "${artifact}: no ${jar.name}"
  }
  def jar = new File(repo, "${artifact}/${version}/${artifact}-${version}.jar")
  if (jar.isFile()) {
    def name = new JarFile(jar).withCloseable { it.manifest.mainAttributes.getValue('Automatic-Module-Name') }
    if (name != moduleName) problems << "${artifact}: Automatic-Module-Name is ${name}, not ${moduleName}"
  }
  pom.dependencies.dependency.findAll { it.groupId.text().startsWith('org.junit') }.each {
    def scope = it.scope.text() ?: 'compile'
    if (!(scope in ['provided', 'test'])) {
      problems << "${artifact}: depends on ${it.groupId.text()}:${it.artifactId.text()} in scope ${scope}; users would inherit that JUnit"
    }
  }
}

['test-support', 'junit-extension-jupiter5-tests', 'e2e-tests', 'benchmarks', 'consumer-tests'].each { folder ->
  def text = new File(repositoryRoot, "${folder}/pom.xml").text
  if (!text.contains('<maven.deploy.skip>true</maven.deploy.skip>')) problems << "${folder}: not published, but does not skip deploy"
}

// README.md: each Maven snippet that declares wsfixture artifacts has a Gradle one right after it,
// with the same artifacts.
def blocks = (new File(repositoryRoot, 'README.md').text =~ /(?ms)^```(\w+)\n(.*?)^```/).collect { [it[1], it[2]] }
blocks.eachWithIndex { block, i ->
  if (block[0] == 'xml' && block[1].contains('<groupId>dev.wsfixture</groupId>')) {
    def maven = (block[1] =~ /<artifactId>(wsfixture[\w-]*)<\/artifactId>/).collect { it[1] } as Set
    def next = i + 1 < blocks.size() ? blocks[i + 1] : null
    def gradle = next && next[0] == 'kotlin' ? (next[1] =~ /dev\.wsfixture:(wsfixture[\w-]*)/).collect { it[1] } as Set : null
    if (gradle == null || !gradle.containsAll(maven)) problems << "README.md: the Maven snippet of ${maven} has no Gradle (kotlin) snippet with the same artifacts after it"
  }
}

assert problems.isEmpty() : 'Not ready for Maven Central:\n  ' + problems.join('\n  ')
return true
