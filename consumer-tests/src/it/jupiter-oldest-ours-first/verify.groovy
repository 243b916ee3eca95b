evaluate(new File(sharedDir, 'verify.groovy'))
